// Statistics: the robust summaries the engine uses (median, median absolute deviation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace posesmart {

// The median of any range of numbers (the upper middle value for an even count); 0 when empty.
template <typename Range>
double median(const Range& values) {
    std::vector<double> sorted(std::begin(values), std::end(values));
    if (sorted.empty()) return 0.0;
    const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    return *middle;
}

// The median absolute deviation from `centre`.
template <typename Range>
double medianAbsoluteDeviation(const Range& values, double centre) {
    std::vector<double> deviations;
    for (const double v : values) deviations.push_back(std::abs(v - centre));
    return median(deviations);
}

// Scales a median absolute deviation to a standard deviation for normally distributed values.
inline constexpr double kMadToSigma = 1.4826;

}  // namespace posesmart
