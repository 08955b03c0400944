// A plain fixed-size C++ implementation of the four standard benchmark networks, timed the way
// benchmarks/NetGen.Benchmarks times NetGen in its --plain mode: the same networks, parameters and samples (read from
// the file the .NET side writes), the same operations, a plain loop, the same warm-up and batches.
//
//   g++ -O3 -march=native -std=c++17 -o reference reference.cpp && ./reference <data file>
//
// Every size is a compile-time constant; loops run over the outputs of a layer innermost, so the compiler vectorizes
// them. Output: one line per measurement, "<network> <operation> <ns per call>", and one "check" line per network with
// the forward output of the first sample, which the .NET side compares with NetGen's.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

enum class Act { Identity, Sigmoid, Tanh, ReLU };

template <Act A> inline float apply(float z) {
    if constexpr (A == Act::Sigmoid) return 1.0f / (1.0f + std::exp(-z));
    else if constexpr (A == Act::Tanh) return std::tanh(z);
    else if constexpr (A == Act::ReLU) return z > 0.0f ? z : 0.0f;
    else return z;
}

// f'(z) from a = f(z).
template <Act A> inline float derivative(float a) {
    if constexpr (A == Act::Sigmoid) return a * (1.0f - a);
    else if constexpr (A == Act::Tanh) return 1.0f - a * a;
    else if constexpr (A == Act::ReLU) return a > 0.0f ? 1.0f : 0.0f;
    else return 1.0f;
}

// Adam's state and per-step constants, the same formula as NetGen's AdamOptimizer:
// m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², θ ← θ − (η / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε).
struct AdamStep {
    float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f, rate = 0, root = 0;
    double beta1Power = 1, beta2Power = 1;
    float learningRate = 0;

    void advance() {
        beta1Power *= beta1;
        beta2Power *= beta2;
        rate = learningRate / (1.0f - static_cast<float>(beta1Power));
        root = 1.0f / std::sqrt(1.0f - static_cast<float>(beta2Power));
    }

    inline void update(float& theta, float& m, float& v, float g) const {
        m = beta1 * m + (1.0f - beta1) * g;
        v = beta2 * v + (1.0f - beta2) * g * g;
        theta -= rate * m / (std::sqrt(v) * root + epsilon);
    }
};

// z = x·W + b, a = f(z); W is [In][Out] row-major, as in NetGen's Parameters.
template <int In, int Out, Act A> struct Dense {
    static constexpr int Count = In * Out + Out;
    float* w = nullptr;  // In × Out, then Out biases
    float* m = nullptr;  // Adam's moments, the same layout
    float* v = nullptr;

    void forward(const float* x, float* a) const {
        float z[Out];
        const float* b = w + In * Out;
        for (int j = 0; j < Out; j++) z[j] = b[j];
        for (int i = 0; i < In; i++) {
            const float xi = x[i];
            const float* row = w + i * Out;
            for (int j = 0; j < Out; j++) z[j] += xi * row[j];
        }
        for (int j = 0; j < Out; j++) a[j] = apply<A>(z[j]);
    }

    // Given δ of the outputs: δ of the inputs (when dIn is not null, with f′ of the layer below, from its output x),
    // then W −= η·xᵀ·δ and b −= η·δ, each row of W read for δ before it changes.
    template <Act Below> void sgd(const float* x, const float* d, float* dIn, float rate) {
        float* b = w + In * Out;
        for (int i = 0; i < In; i++) {
            float* row = w + i * Out;
            if (dIn) {
                float sum = 0;
                for (int j = 0; j < Out; j++) sum += row[j] * d[j];
                dIn[i] = sum * derivative<Below>(x[i]);
            }
            const float step = -rate * x[i];
            for (int j = 0; j < Out; j++) row[j] += step * d[j];
        }
        for (int j = 0; j < Out; j++) b[j] -= rate * d[j];
    }

    // The same pass with Adam: each weight's gradient x[i]·δ[j] goes straight into its update.
    template <Act Below> void adam(const float* x, const float* d, float* dIn, const AdamStep& s) {
        for (int i = 0; i < In; i++) {
            float* row = w + i * Out;
            float* mr = m + i * Out;
            float* vr = v + i * Out;
            if (dIn) {
                float sum = 0;
                for (int j = 0; j < Out; j++) sum += row[j] * d[j];
                dIn[i] = sum * derivative<Below>(x[i]);
            }
            const float xi = x[i];
            for (int j = 0; j < Out; j++) s.update(row[j], mr[j], vr[j], xi * d[j]);
        }
        float* b = w + In * Out;
        for (int j = 0; j < Out; j++) s.update(b[j], m[In * Out + j], v[In * Out + j], d[j]);
    }
};

// Squared error: J = Σ ½(ŷ − y)², δ = (ŷ − y)·f′.
template <int Out, Act A> inline float outputDelta(const float* yHat, const float* y, float* d) {
    float cost = 0;
    for (int j = 0; j < Out; j++) {
        const float e = yHat[j] - y[j];
        cost += e * e;
        d[j] = e * derivative<A>(yHat[j]);
    }
    return 0.5f * cost;
}

// Two layers: In → Hidden → Out.
template <int In, int H, int Out, Act AH, Act AO> struct Net2 {
    static constexpr int Inputs = In, Outputs = Out, Count = Dense<In, H, AH>::Count + Dense<H, Out, AO>::Count;
    Dense<In, H, AH> l1;
    Dense<H, Out, AO> l2;

    void bind(float* w, float* m, float* v) {
        l1.w = w; l1.m = m; l1.v = v;
        l2.w = w + l1.Count; l2.m = m + l1.Count; l2.v = v + l1.Count;
    }

    void forward(const float* x, float* y) const {
        float a2[H];
        l1.forward(x, a2);
        l2.forward(a2, y);
    }

    float sgd(const float* x, const float* y, float rate) {
        float a2[H], a3[Out], d3[Out], d2[H];
        l1.forward(x, a2);
        l2.forward(a2, a3);
        const float cost = outputDelta<Out, AO>(a3, y, d3);
        l2.template sgd<AH>(a2, d3, d2, rate);
        l1.template sgd<Act::Identity>(x, d2, nullptr, rate);
        return cost;
    }

    float adam(const float* x, const float* y, AdamStep& s) {
        float a2[H], a3[Out], d3[Out], d2[H];
        s.advance();
        l1.forward(x, a2);
        l2.forward(a2, a3);
        const float cost = outputDelta<Out, AO>(a3, y, d3);
        l2.template adam<AH>(a2, d3, d2, s);
        l1.template adam<Act::Identity>(x, d2, nullptr, s);
        return cost;
    }
};

// Three layers: In → H1 → H2 → Out.
template <int In, int H1, int H2, int Out, Act AH, Act AO> struct Net3 {
    static constexpr int Inputs = In, Outputs = Out;
    static constexpr int Count = Dense<In, H1, AH>::Count + Dense<H1, H2, AH>::Count + Dense<H2, Out, AO>::Count;
    Dense<In, H1, AH> l1;
    Dense<H1, H2, AH> l2;
    Dense<H2, Out, AO> l3;

    void bind(float* w, float* m, float* v) {
        l1.w = w; l1.m = m; l1.v = v;
        const int o2 = l1.Count, o3 = l1.Count + l2.Count;
        l2.w = w + o2; l2.m = m + o2; l2.v = v + o2;
        l3.w = w + o3; l3.m = m + o3; l3.v = v + o3;
    }

    void forward(const float* x, float* y) const {
        float a2[H1], a3[H2];
        l1.forward(x, a2);
        l2.forward(a2, a3);
        l3.forward(a3, y);
    }

    float sgd(const float* x, const float* y, float rate) {
        float a2[H1], a3[H2], a4[Out], d4[Out], d3[H2], d2[H1];
        l1.forward(x, a2);
        l2.forward(a2, a3);
        l3.forward(a3, a4);
        const float cost = outputDelta<Out, AO>(a4, y, d4);
        l3.template sgd<AH>(a3, d4, d3, rate);
        l2.template sgd<AH>(a2, d3, d2, rate);
        l1.template sgd<Act::Identity>(x, d2, nullptr, rate);
        return cost;
    }

    float adam(const float* x, const float* y, AdamStep& s) {
        float a2[H1], a3[H2], a4[Out], d4[Out], d3[H2], d2[H1];
        s.advance();
        l1.forward(x, a2);
        l2.forward(a2, a3);
        l3.forward(a3, a4);
        const float cost = outputDelta<Out, AO>(a4, y, d4);
        l3.template adam<AH>(a3, d4, d3, s);
        l2.template adam<AH>(a2, d3, d2, s);
        l1.template adam<Act::Identity>(x, d2, nullptr, s);
        return cost;
    }
};

// The data file: per network, its parameter count and parameters, then the sample pool (rows of inputs, then rows of
// targets), all little-endian: int32 count, float32 values.
struct Data {
    std::ifstream in;
    explicit Data(const char* path) : in(path, std::ios::binary) {
        if (!in) throw std::runtime_error(std::string("cannot open ") + path);
    }
    std::vector<float> floats() {
        int32_t count = 0;
        in.read(reinterpret_cast<char*>(&count), 4);
        std::vector<float> values(static_cast<size_t>(count));
        in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(count) * 4);
        if (!in) throw std::runtime_error("the data file ends early");
        return values;
    }
};

using Clock = std::chrono::steady_clock;
volatile float g_sink;

// Calls body(k) for k = 0, 1, …: warms up for one second, then times batches of about 2 ms and returns the median
// nanoseconds per call.
template <typename Body> double measure(Body body) {
    constexpr int Batches = 41;
    float sink = 0;
    long k = 0;
    auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(1)) {
        for (int i = 0; i < 64; i++) sink += body(k++);
    }
    long perBatch = 1;
    for (;;) {
        auto t0 = Clock::now();
        for (long i = 0; i < perBatch; i++) sink += body(k++);
        double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
        if (ns >= 2e6) break;
        perBatch *= 2;
    }
    std::vector<double> times;
    for (int b = 0; b < Batches; b++) {
        auto t0 = Clock::now();
        for (long i = 0; i < perBatch; i++) sink += body(k++);
        times.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / perBatch);
    }
    g_sink = sink;
    std::sort(times.begin(), times.end());
    return times[Batches / 2];
}

template <typename Net> void run(const char* name, Data& data, float learningRate) {
    constexpr int In = Net::Inputs, Out = Net::Outputs;
    std::vector<float> w = data.floats(), inputs = data.floats(), targets = data.floats();
    if (static_cast<int>(w.size()) != Net::Count) throw std::runtime_error(std::string(name) + ": wrong parameter count");
    const int rows = static_cast<int>(inputs.size()) / In;
    std::vector<float> m(w.size()), v(w.size()), trained = w;
    Net net;
    net.bind(w.data(), m.data(), v.data());

    float y[Out];
    net.forward(inputs.data(), y);
    std::printf("check %s", name);
    for (int j = 0; j < Out; j++) std::printf(" %.9g", y[j]);
    std::printf("\n");

    // Independent calls: each sample from the pool in turn.
    double independent = measure([&](long k) {
        net.forward(inputs.data() + (k % rows) * In, y);
        return y[0];
    });
    // Chained calls: the first input of each call is the previous output, so no call can start before the last ends.
    std::vector<float> x(inputs.begin(), inputs.begin() + In);
    double chained = measure([&](long) {
        net.forward(x.data(), y);
        x[0] = y[0];
        return y[0];
    });

    // Training steps alternate between the targets y and 1 − y, which no network fits at once (see the .NET side).
    std::vector<float> flipped(targets.size());
    for (size_t i = 0; i < targets.size(); i++) flipped[i] = 1.0f - targets[i];
    auto target = [&](long k) { return ((k / rows) % 2 == 0 ? targets.data() : flipped.data()) + (k % rows) * Out; };
    double sgd = measure([&](long k) { return net.sgd(inputs.data() + (k % rows) * In, target(k), learningRate); });

    std::copy(trained.begin(), trained.end(), w.begin());
    AdamStep adam;
    adam.learningRate = learningRate;
    double adamStep = measure([&](long k) { return net.adam(inputs.data() + (k % rows) * In, target(k), adam); });

    std::printf("%s forward %.3f\n%s chained %.3f\n%s sgd %.3f\n%s adam %.3f\n", name, independent, name, chained, name, sgd,
                name, adamStep);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: reference <data file>\n");
        return 2;
    }
    try {
        Data data(argv[1]);
        const float learningRate = data.floats()[0];
        run<Net2<2, 3, 1, Act::Sigmoid, Act::Sigmoid>>("a", data, learningRate);
        run<Net3<8, 16, 16, 1, Act::Tanh, Act::Identity>>("b", data, learningRate);
        run<Net2<64, 32, 10, Act::ReLU, Act::Identity>>("c", data, learningRate);
        run<Net2<784, 128, 10, Act::ReLU, Act::Identity>>("d", data, learningRate);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "reference: %s\n", e.what());
        return 1;
    }
    return 0;
}
