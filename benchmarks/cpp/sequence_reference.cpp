// A plain fixed-size C++ implementation of the four streaming benchmark models, timed the way
// benchmarks/NetGen.Benchmarks times NetGen in its --stream mode: the same models, parameters and input samples
// (read from the file the .NET side writes), a plain loop of single-sample steps and 256-frame blocks, the same
// warm-up and batches.
//
//   g++ -O3 -march=native -std=c++17 -o sequence_reference sequence_reference.cpp && ./sequence_reference <data file>
//
// Every size is a compile-time constant; inner loops run over a layer's outputs (gate columns), so the compiler
// vectorizes them. The parameter layout is NetGen's (see NetGen.SequenceLayer): matrices [in][out] row-major;
// LSTM Wx [n][4H], Wh [H][4H], b [4H] (gates i, f, g, o); GRU Wx [n][3H], Wh [H][3H], bx [3H], bh [3H] (r, z, n);
// Conv1D W [k][n][m] with tap j reading the input (k − 1 − j)·d frames back, then b.
// Output: "<model> step <ns>" and "<model> block <ns per frame>", and one "check" line per model with the outputs
// of the first 64 frames from zero state, which the .NET side compares with NetGen's.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

inline float sigmoid(float z) { return 1.0f / (1.0f + std::exp(-z)); }

// a = f(x·W + b).
template <int In, int Out, bool Tanh> struct Dense {
    static constexpr int Count = In * Out + Out;
    const float* w = nullptr;
    void step(const float* x, float* a) const {
        float z[Out];
        for (int j = 0; j < Out; j++) z[j] = w[In * Out + j];
        for (int i = 0; i < In; i++)
            for (int j = 0; j < Out; j++) z[j] += x[i] * w[i * Out + j];
        for (int j = 0; j < Out; j++) a[j] = Tanh ? std::tanh(z[j]) : z[j];
    }
    void reset() {}
};

// Causal dilated convolution with a ring of the last R ≥ (K − 1)·D + 1 inputs (R a power of two).
template <int In, int Out, int K, int D> struct Conv {
    static constexpr int Count = K * In * Out + Out;
    static constexpr int Reach = (K - 1) * D + 1;
    static constexpr int R = Reach <= 1 ? 1 : Reach <= 2 ? 2 : Reach <= 4 ? 4 : Reach <= 8 ? 8 : Reach <= 16 ? 16 : Reach <= 32 ? 32 : 64;
    const float* w = nullptr;
    float ring[R][In] = {};
    unsigned frame = 0;
    void step(const float* x, float* a) {
        std::copy(x, x + In, ring[frame & (R - 1)]);
        float z[Out];
        for (int j = 0; j < Out; j++) z[j] = w[K * In * Out + j];
        for (int k = 0; k < K; k++) {
            const float* past = ring[(frame - (K - 1 - k) * D) & (R - 1)];
            const float* wk = w + k * In * Out;
            for (int i = 0; i < In; i++)
                for (int j = 0; j < Out; j++) z[j] += past[i] * wk[i * Out + j];
        }
        for (int j = 0; j < Out; j++) a[j] = std::tanh(z[j]);
        frame++;
    }
    void reset() { std::fill(&ring[0][0], &ring[0][0] + R * In, 0.0f); frame = 0; }
};

// LSTM: z = x·Wx + h·Wh + b; i, f, o = σ, g = tanh; c = f·c + i·g; h = o·tanh c.
template <int In, int H> struct Lstm {
    static constexpr int Count = (In + H) * 4 * H + 4 * H;
    const float* w = nullptr;
    float h[H] = {}, c[H] = {};
    void step(const float* x, float* out) {
        const float* wh = w + In * 4 * H;
        const float* b = wh + H * 4 * H;
        float z[4 * H];
        for (int j = 0; j < 4 * H; j++) z[j] = b[j];
        for (int i = 0; i < In; i++)
            for (int j = 0; j < 4 * H; j++) z[j] += x[i] * w[i * 4 * H + j];
        for (int i = 0; i < H; i++)
            for (int j = 0; j < 4 * H; j++) z[j] += h[i] * wh[i * 4 * H + j];
        for (int j = 0; j < H; j++) {
            float ig = sigmoid(z[j]), fg = sigmoid(z[H + j]), gg = std::tanh(z[2 * H + j]), og = sigmoid(z[3 * H + j]);
            c[j] = fg * c[j] + ig * gg;
            h[j] = og * std::tanh(c[j]);
        }
        std::copy(h, h + H, out);
    }
    void reset() { std::fill(h, h + H, 0.0f); std::fill(c, c + H, 0.0f); }
};

// GRU: a = x·Wx + bx, u = h·Wh + bh; r, z = σ(a + u); n = tanh(a_n + r·u_n); h = (1 − z)·n + z·h.
template <int In, int H> struct Gru {
    static constexpr int Count = (In + H) * 3 * H + 6 * H;
    const float* w = nullptr;
    float h[H] = {};
    void step(const float* x, float* out) {
        const float* wh = w + In * 3 * H;
        const float* bx = wh + H * 3 * H;
        const float* bh = bx + 3 * H;
        float a[3 * H], u[3 * H];
        for (int j = 0; j < 3 * H; j++) { a[j] = bx[j]; u[j] = bh[j]; }
        for (int i = 0; i < In; i++)
            for (int j = 0; j < 3 * H; j++) a[j] += x[i] * w[i * 3 * H + j];
        for (int i = 0; i < H; i++)
            for (int j = 0; j < 3 * H; j++) u[j] += h[i] * wh[i * 3 * H + j];
        for (int j = 0; j < H; j++) {
            float r = sigmoid(a[j] + u[j]), z = sigmoid(a[H + j] + u[H + j]);
            float n = std::tanh(a[2 * H + j] + r * u[2 * H + j]);
            h[j] = n + z * (h[j] - n);
        }
        std::copy(h, h + H, out);
    }
    void reset() { std::fill(h, h + H, 0.0f); }
};

template <int H> struct LstmModel {
    Lstm<1, H> l1; Dense<H, 1, false> l2;
    static constexpr int Count = Lstm<1, H>::Count + Dense<H, 1, false>::Count;
    void bind(const float* p) { l1.w = p; l2.w = p + l1.Count; }
    float step(float x) { float h[H], y; l1.step(&x, h); l2.step(h, &y); return y; }
    void reset() { l1.reset(); }
};

template <int H> struct GruModel {
    Gru<1, H> l1; Dense<H, 1, false> l2;
    static constexpr int Count = Gru<1, H>::Count + Dense<H, 1, false>::Count;
    void bind(const float* p) { l1.w = p; l2.w = p + l1.Count; }
    float step(float x) { float h[H], y; l1.step(&x, h); l2.step(h, &y); return y; }
    void reset() { l1.reset(); }
};

struct TcnModel {
    Conv<1, 8, 3, 1> c1; Conv<8, 8, 3, 2> c2; Conv<8, 8, 3, 4> c3; Conv<8, 8, 3, 8> c4; Dense<8, 1, false> d;
    static constexpr int Count = Conv<1, 8, 3, 1>::Count + 3 * Conv<8, 8, 3, 2>::Count + Dense<8, 1, false>::Count;
    void bind(const float* p) {
        c1.w = p; p += c1.Count; c2.w = p; p += c2.Count; c3.w = p; p += c3.Count; c4.w = p; p += c4.Count; d.w = p;
    }
    float step(float x) {
        float a[8], b[8], y;
        c1.step(&x, a); c2.step(a, b); c3.step(b, a); c4.step(a, b); d.step(b, &y);
        return y;
    }
    void reset() { c1.reset(); c2.reset(); c3.reset(); c4.reset(); }
};

using Clock = std::chrono::steady_clock;

// The median ns per call over 41 batches of ~2 ms after 1 s of warm-up, as PlainTimer does.
template <class F> double measure(F&& batch) {
    volatile float sink = 0;
    long next = 0;
    auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(1)) { sink = sink + batch(next, 64); next += 64; }
    long per = 1;
    for (;;) {
        auto t0 = Clock::now();
        sink = sink + batch(next, per);
        next += per;
        if (std::chrono::duration<double, std::milli>(Clock::now() - t0).count() >= 2.0) break;
        per *= 2;
    }
    std::vector<double> times;
    for (int b = 0; b < 41; b++) {
        auto t0 = Clock::now();
        sink = sink + batch(next, per);
        next += per;
        times.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / per);
    }
    std::sort(times.begin(), times.end());
    return times[20];
}

std::vector<float> readFloats(std::ifstream& in) {
    int32_t n = 0;
    in.read(reinterpret_cast<char*>(&n), 4);
    std::vector<float> v(n);
    in.read(reinterpret_cast<char*>(v.data()), 4L * n);
    if (!in) throw std::runtime_error("truncated data file");
    return v;
}

template <class M> void run(const char* key, std::ifstream& in) {
    std::vector<float> p = readFloats(in), x = readFloats(in);
    if (static_cast<int>(p.size()) != M::Count) throw std::runtime_error(std::string(key) + ": parameter count differs");
    M m;
    m.bind(p.data());
    m.reset();
    std::printf("check %s", key);
    for (int t = 0; t < 64; t++) std::printf(" %.9g", m.step(x[t]));
    std::printf("\n");
    const long mask = static_cast<long>(x.size()) - 1;  // a power of two
    m.reset();
    double step = measure([&](long first, long count) {
        float s = 0;
        for (long i = first; i < first + count; i++) s += m.step(x[i & mask]);
        return s;
    });
    float block[256];
    double perBlock = measure([&](long first, long count) {
        float s = 0;
        for (long b = first; b < first + count; b++) {
            long start = (b * 256) & mask;
            for (int t = 0; t < 256; t++) block[t] = m.step(x[(start + t) & mask]);
            s += block[255];
        }
        return s;
    });
    std::printf("%s step %.4f\n%s block %.4f\n", key, step, key, perBlock / 256);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) { std::fprintf(stderr, "usage: sequence_reference <data file>\n"); return 2; }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) throw std::runtime_error("cannot open the data file");
        run<LstmModel<16>>("lstm16", in);
        run<LstmModel<40>>("lstm40", in);
        run<GruModel<16>>("gru16", in);
        run<TcnModel>("tcn", in);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
