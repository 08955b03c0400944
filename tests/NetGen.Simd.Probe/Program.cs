using System;
using System.IO;
using System.Text;
using NetGen.Simd.Probe;

// Modes (one per run; the test project starts this program as a child process):
//   hardware            prints the "hardware ..." line only
//   numbers <file|->    the hardware line, then every network's data and results (ProbeNetwork.WriteResults),
//                       then the vector activations at every width (ActivationProbe) and optimizer steps (OptimizerProbe)
//   warm [seconds]      runs every network's operations for that long (default 2 s), for DOTNET_JitStdOutFile checks
//   hot [seconds]       the same back to back, with no pauses for the background compiler (default 1 s)
//   firstcall <forward|trainstep>   times the first calls of F784_128_10 in this fresh process, then steady state
string mode = args.Length > 0 ? args[0] : "hardware";
switch (mode)
{
    case "hardware":
        Console.WriteLine(Hardware.Describe());
        return 0;

    case "numbers" when args.Length == 2:
        using (TextWriter writer = args[1] == "-" ? Console.Out : new StreamWriter(args[1], append: false, new UTF8Encoding(false)))
        {
            writer.WriteLine(Hardware.Describe());
            foreach (ProbeNetwork network in ProbeNetwork.All)
            {
                network.WriteResults(writer);
            }

            ActivationProbe.Write(writer);
            OptimizerProbe.Write(writer);
        }

        return 0;

    case "warm":
        Console.WriteLine(Hardware.Describe());
        Console.WriteLine(WarmUp.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2)));
        return 0;

    case "hot":
        Console.WriteLine(Hardware.Describe());
        Console.WriteLine(WarmUp.RunHot(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1)));
        return 0;

    case "firstcall" when args.Length == 2 && args[1] is "forward" or "trainstep":
        Console.WriteLine(Hardware.Describe());
        Console.WriteLine(FirstCall.Measure(args[1]));
        return 0;

    default:
        Console.Error.WriteLine("usage: NetGen.Simd.Probe hardware | numbers <file|-> | warm [seconds] | hot [seconds] | firstcall <forward|trainstep>");
        return 2;
}
