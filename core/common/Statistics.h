// Statistics: the robust summaries the engine uses (median, quantiles, median absolute deviation).
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

// The value below which `share` (0..1) of the values lie (nearest rank); 0 when empty.
template <typename Range>
double quantile(const Range& values, double share) {
    std::vector<double> sorted(std::begin(values), std::end(values));
    if (sorted.empty()) return 0.0;
    const auto rank = static_cast<std::size_t>(std::clamp(share, 0.0, 1.0) * static_cast<double>(sorted.size() - 1));
    const auto at = sorted.begin() + static_cast<std::ptrdiff_t>(rank);
    std::nth_element(sorted.begin(), at, sorted.end());
    return *at;
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
