// Times NAM core (NeuralAmpModelerCore) on a .nam model for the benchmarks' --nam mode; built against a NAM core
// source tree given at run time. Prints the same "#nam" lines as NetGen's side of the mode.
//
// nam_bench <model.nam> <signal.f32> <segments.f32> <output.f32> [--slim V] [--fast-tanh] [--runs N] [--blocks 1,32,...]
//   signal.f32:   raw float32 mono, timed in blocks of each size; also processed once at block 64 into output.f32
//   segments.f32: note, tail and silence (three equal parts), each timed on its own at block 64
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "NAM/activations.h"
#include "NAM/dsp.h"
#include "NAM/get_dsp.h"
#include "NAM/slimmable.h"

namespace
{
constexpr int CheckBlock = 64;
constexpr int SegmentRepeats = 7;
constexpr int OpenRepeats = 7;

struct Clock
{
  double cpu_ns, wall_ns;
};

Clock now()
{
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  const double wall = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now().time_since_epoch()).count();
  return {(double)ts.tv_sec * 1e9 + (double)ts.tv_nsec, wall};
}

double median(std::vector<double> v)
{
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<float> read_f32(const std::string& path)
{
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f)
    throw std::runtime_error("cannot open " + path);
  const std::streamsize bytes = f.tellg();
  f.seekg(0);
  std::vector<float> x((size_t)bytes / 4);
  f.read(reinterpret_cast<char*>(x.data()), (std::streamsize)(x.size() * 4)); // little-endian host
  return x;
}

void write_f32(const std::string& path, const std::vector<float>& y)
{
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(y.data()), (std::streamsize)(y.size() * 4));
  if (!f)
    throw std::runtime_error("cannot write " + path);
}

// A host's audio callback: converts one block to NAM_SAMPLE, processes it, converts back.
struct Player
{
  std::unique_ptr<nam::DSP> dsp;
  std::vector<NAM_SAMPLE> in, out;

  void process(const float* x, float* y, int n)
  {
    for (int i = 0; i < n; i++)
      in[i] = (NAM_SAMPLE)x[i];
    NAM_SAMPLE* ip = in.data();
    NAM_SAMPLE* op = out.data();
    dsp->process(&ip, &op, n);
    for (int i = 0; i < n; i++)
      y[i] = (float)out[i];
  }

  void run(const std::vector<float>& x, size_t from, size_t count, int block, std::vector<float>& y)
  {
    for (size_t pos = from; pos < from + count; pos += block)
    {
      const int n = (int)std::min<size_t>(block, from + count - pos);
      process(x.data() + pos, y.data() + pos, n);
    }
  }
};

// get_dsp + Reset (which prewarms) + the slimmable size: what a host does to load a model.
Player load(const std::string& path, double& sr, int block, bool slim, double size)
{
  Player p;
  p.dsp = nam::get_dsp(std::filesystem::path(path));
  if (p.dsp->NumInputChannels() != 1 || p.dsp->NumOutputChannels() != 1)
    throw std::runtime_error("only mono models are timed");
  const double expected = p.dsp->GetExpectedSampleRate();
  sr = expected > 0 ? expected : 48000.0;
  p.dsp->Reset(sr, block);
  if (slim)
  {
    auto* s = dynamic_cast<nam::SlimmableModel*>(p.dsp.get());
    if (!s)
      throw std::runtime_error("--slim given but the model is not slimmable");
    s->SetSlimmableSize(size);
  }
  p.in.resize(block);
  p.out.resize(block);
  return p;
}

void resize(Player& p, double sr, int block)
{
  p.dsp->Reset(sr, block);
  p.in.resize(block);
  p.out.resize(block);
}

void print(const std::string& what, const std::string& key, double cpu, double wall)
{
  std::printf("#nam %s %s %.6g %.6g\n", what.c_str(), key.c_str(), cpu, wall);
}

std::vector<int> parse_blocks(const std::string& text)
{
  std::vector<int> blocks;
  std::stringstream s(text);
  std::string item;
  while (std::getline(s, item, ','))
    blocks.push_back(std::atoi(item.c_str()));
  return blocks;
}
} // namespace

int main(int argc, char** argv)
{
  if (argc < 5)
  {
    std::cerr << "usage: nam_bench <model.nam> <signal.f32> <segments.f32> <output.f32> [--slim V] [--fast-tanh] "
                 "[--runs N] [--blocks 1,32,64,256]\n";
    return 2;
  }
  const std::string model = argv[1];
  bool fast_tanh = false, slim = false;
  double size = 1.0;
  int runs = 5;
  std::vector<int> blocks = {1, 32, 64, 256};
  for (int i = 5; i < argc; i++)
  {
    const std::string a = argv[i];
    if (a == "--fast-tanh")
      fast_tanh = true;
    else if (a == "--slim" && i + 1 < argc)
    {
      slim = true;
      size = std::atof(argv[++i]);
    }
    else if (a == "--runs" && i + 1 < argc)
      runs = std::atoi(argv[++i]);
    else if (a == "--blocks" && i + 1 < argc)
      blocks = parse_blocks(argv[++i]);
    else
    {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }

  try
  {
    // Before loading: WaveNet layers keep the "Tanh" activation they were built with.
    if (fast_tanh)
      nam::activations::Activation::enable_fast_tanh();
    else
      nam::activations::Activation::disable_fast_tanh();

    double sr = 48000;
    std::vector<double> open_cpu, open_wall;
    for (int r = 0; r <= OpenRepeats; r++)
    {
      const Clock t0 = now();
      Player p = load(model, sr, CheckBlock, slim, size);
      const Clock t1 = now();
      if (r == 0)
        print("open-first", "-", t1.cpu_ns - t0.cpu_ns, t1.wall_ns - t0.wall_ns);
      else
      {
        open_cpu.push_back(t1.cpu_ns - t0.cpu_ns);
        open_wall.push_back(t1.wall_ns - t0.wall_ns);
      }
    }
    print("open", "-", median(open_cpu), median(open_wall));

    const std::vector<float> signal = read_f32(argv[2]);
    const std::vector<float> segments = read_f32(argv[3]);
    std::vector<float> y(std::max(signal.size(), segments.size()));

    Player p = load(model, sr, CheckBlock, slim, size);
    p.run(signal, 0, signal.size(), CheckBlock, y);
    write_f32(argv[4], std::vector<float>(y.begin(), y.begin() + (long)signal.size()));

    volatile float sink = 0;
    for (int block : blocks)
    {
      resize(p, sr, block);
      // Warm-up: whole passes for at least 1 s of wall time.
      const Clock w0 = now();
      do
      {
        p.run(signal, 0, signal.size(), block, y);
        sink = sink + y[0];
      } while (now().wall_ns - w0.wall_ns < 1e9);

      std::vector<double> cpu, wall;
      for (int r = 0; r < runs; r++)
      {
        const Clock t0 = now();
        p.run(signal, 0, signal.size(), block, y);
        const Clock t1 = now();
        sink = sink + y[0];
        cpu.push_back((t1.cpu_ns - t0.cpu_ns) / (double)signal.size());
        wall.push_back((t1.wall_ns - t0.wall_ns) / (double)signal.size());
      }
      print("block", std::to_string(block), median(cpu), median(wall));
    }

    const size_t part = segments.size() / 3;
    const char* names[] = {"note", "tail", "silence"};
    std::vector<double> cpu[3], wall[3];
    resize(p, sr, CheckBlock);
    for (int r = 0; r < SegmentRepeats; r++)
      for (int s = 0; s < 3; s++)
      {
        const Clock t0 = now();
        p.run(segments, s * part, part, CheckBlock, y);
        const Clock t1 = now();
        sink = sink + y[s * part];
        if (r > 0) // the first round is warm-up
        {
          cpu[s].push_back((t1.cpu_ns - t0.cpu_ns) / (double)part);
          wall[s].push_back((t1.wall_ns - t0.wall_ns) / (double)part);
        }
      }
    for (int s = 0; s < 3; s++)
      print("segment", names[s], median(cpu[s]), median(wall[s]));
  }
  catch (const std::exception& e)
  {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
