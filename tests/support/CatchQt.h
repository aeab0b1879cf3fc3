// CatchQt: how Catch2 prints Qt strings in a failed assertion (quoted, lists in brackets).
#pragma once

#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>
#include <string>

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList> {
    static std::string convert(const QStringList& value) {
        return '[' + value.join(QStringLiteral(", ")).toStdString() + ']';
    }
};
}  // namespace Catch
