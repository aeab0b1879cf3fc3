// PrivateFile: files that hold a person's data (the history, its journal, the settings, exports):
// readable by their owner only (0600) whatever the umask, and never reached through a symbolic
// link, so that a link named like one of them cannot make PoseSmart write or chmod its target.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace posesmart {

// Opens `file` for writing, created when absent (emptied when `truncate`), mode 0600 either way.
// Returns the descriptor (the caller closes it). Throws Error(Io) for a link, anything but a
// regular file, or a failure, with the reason.
int openPrivate(const std::filesystem::path& file, bool truncate);
// Creates or empties `file` as openPrivate does, for a writer that opens it again by name.
void createPrivateFile(const std::filesystem::path& file);
// Writes `content` as the whole of `file`: a new file beside it, flushed, then renamed over it.
void writePrivateAtomically(const std::filesystem::path& file, std::string_view content);
// Throws Error(Io) when `file` is a symbolic link (a missing file is fine).
void refuseLink(const std::filesystem::path& file);
// Creates `folder` when absent, then makes it 0700 and each regular file directly in it 0600
// (links are left alone): a data folder made by an earlier version, or under another umask.
// Returns what could not be done, in words (empty when all went well).
std::string makeFolderPrivate(const std::filesystem::path& folder);

}  // namespace posesmart
