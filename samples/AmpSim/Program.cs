using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using AmpSim;
using NetGen.Nam;

// A Neural Amp Modeler capture played the way an audio plugin plays it. models/synth-amp.nam is a small WaveNet
// (the trainer's "nano" shape) that training/train_amp.py trained on a synthetic amp (SyntheticAmp). The sample
// opens it with NamModel.Open, warms it up before the first block that counts, plays a synthesized guitar through
// it in 64-frame blocks, compares the result with the synthetic amp itself (ESR), writes input.wav, output.wav and
// amp-sim.png, and times Process per block size. Usage: AmpSim [--out <folder>]; the default folder is
// samples/AmpSim/out. Exits with code 1 when the ESR is not below EsrLimit.
const double EsrLimit = 0.15;   // the capture reaches about 0.09; a broken player is near 1 or above
const int HostBlock = 64;
CultureInfo inv = CultureInfo.InvariantCulture;

string outFolder = args is ["--out", string folder] ? folder : DefaultOutFolder();
string modelPath = Path.Combine(AppContext.BaseDirectory, "models", "synth-amp.nam");

long openStart = Stopwatch.GetTimestamp();
NamModel amp = NamModel.Open(modelPath);
double openMs = Stopwatch.GetElapsedTime(openStart).TotalMilliseconds;
NamMetadata about = amp.Metadata;
int rate = (int)amp.SampleRate;
Console.WriteLine(string.Create(inv,
    $"Model   models/synth-amp.nam: \"{about.Name}\" ({about.GearType}, {about.ToneType}), {amp.Architecture}, {rate} Hz, " +
    $"opened in {openMs:F0} ms"));

float[] guitar = GuitarSynth.Phrase(rate);
Console.WriteLine(string.Create(inv,
    $"Guitar  {guitar.Length / (double)rate:F1} s of Karplus-Strong strings (a chord, single notes, silence), peak {Db(Peak(guitar)):F1} dBFS"));

// Warm-up, before the first audio callback (docs/nam.md, "Real-time rules"): one block compiles the processing
// code; ResetState then puts the model back where Open left it.
var scratch = new float[HostBlock];
long warmStart = Stopwatch.GetTimestamp();
amp.Process(guitar.AsSpan(0, HostBlock), scratch);
double firstMs = Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds;
warmStart = Stopwatch.GetTimestamp();
amp.Process(guitar.AsSpan(HostBlock, HostBlock), scratch);
double secondMs = Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds;
amp.ResetState();
Console.WriteLine(string.Create(inv,
    $"Warm-up first {HostBlock}-frame block {firstMs:F2} ms, second {secondMs:F3} ms (budget {1000.0 * HostBlock / rate:F2} ms)"));

var output = new float[guitar.Length];
for (int first = 0; first < guitar.Length; first += HostBlock)
{
    int count = Math.Min(HostBlock, guitar.Length - first);
    amp.Process(guitar.AsSpan(first, count), output.AsSpan(first, count));
}

float[] reference = SyntheticAmp.Process(guitar);
double esr = reference.Zip(output, (y, o) => (double)(y - o) * (y - o)).Sum() / reference.Sum(y => (double)y * y);
Console.WriteLine(string.Create(inv,
    $"ESR     {esr:F4} ({10 * Math.Log10(esr):F1} dB) against the synthetic amp, limit {EsrLimit}; output peak {Db(Peak(output)):F1} dBFS"));

Directory.CreateDirectory(outFolder);
WavFiles.Write(Path.Combine(outFolder, "input.wav"), guitar, rate);
WavFiles.Write(Path.Combine(outFolder, "output.wav"), output, rate);
AmpPlot.Write(Path.Combine(outFolder, "amp-sim.png"), guitar, output, rate, zoomFirst: (int)(1.8 * rate), zoomCount: rate / 50);
Console.WriteLine($"Files   input.wav, output.wav (32-bit float, mono), amp-sim.png in {Path.GetFullPath(outFolder)}");

Console.WriteLine("Block   ns/sample   real-time factor   voices per core");
double voicesAtHostBlock = 0;
foreach (int block in (int[])[1, 32, 64, 256])
{
    double ns = RealTimeBenchmark.NanosecondsPerSample(amp, guitar, block, rate);
    double factor = ns * rate * 1e-9;   // seconds of compute per second of audio
    Console.WriteLine(string.Create(inv, $"{block,5}   {ns,9:F0}   {factor,16:F4}   {1 / factor,15:F0}"));
    voicesAtHostBlock = block == HostBlock ? 1 / factor : voicesAtHostBlock;
}

int voices = Math.Clamp((int)voicesAtHostBlock, 1, 4096);
double seconds = RealTimeBenchmark.SecondsForVoices(amp, voices, guitar, HostBlock, rate);
Console.WriteLine(string.Create(inv,
    $"Voices  {voices} x CreateStream, 1 s of audio each in {HostBlock}-frame blocks, took {seconds:F2} s on one core"));

if (!(esr < EsrLimit))
{
    Console.Error.WriteLine(string.Create(inv, $"error: the ESR {esr:F4} is not below {EsrLimit}"));
    return 1;
}

return 0;

static float Peak(float[] signal) => signal.Max(Math.Abs);

static double Db(double amplitude) => 20 * Math.Log10(amplitude);

// samples/AmpSim/out when run from the project's build output, else ./out.
static string DefaultOutFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AmpSim.csproj")))
        {
            return Path.Combine(dir.FullName, "out");
        }
    }

    return "out";
}
