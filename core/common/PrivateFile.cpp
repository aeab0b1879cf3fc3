#include "common/PrivateFile.h"

#include "common/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace posesmart {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& reason) {
    throw Error(ErrorKind::Io, "cannot write '" + file.string() + "': " + reason);
}

}  // namespace

void refuseLink(const std::filesystem::path& file) {
    struct stat info {};
    if (::lstat(file.c_str(), &info) == 0 && S_ISLNK(info.st_mode))
        throw Error(ErrorKind::Io, "'" + file.string() +
                                       "' is a symbolic link: refused, so that its target is not "
                                       "read or changed");
}

int openPrivate(const std::filesystem::path& file, bool truncate) {
    const int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (truncate ? O_TRUNC : 0);
    const int fd = ::open(file.c_str(), flags, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int error = errno;
        if (error == ELOOP) fail(file, "it is a symbolic link (refused, so that its target is not changed)");
        if (error == ENXIO) fail(file, "it is not a regular file");  // a FIFO nobody reads
        fail(file, std::strerror(error));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        fail(file, "it is not a regular file");
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if ((info.st_mode & 0777) != (S_IRUSR | S_IWUSR) && ::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        const int error = errno;
        ::close(fd);
        fail(file, std::string("cannot make it private: ") + std::strerror(error));
    }
    return fd;
}

void createPrivateFile(const std::filesystem::path& file) {
    ::close(openPrivate(file, true));
}

void writePrivateAtomically(const std::filesystem::path& file, std::string_view content) {
    refuseLink(file);
    const std::filesystem::path temporary = file.string() + ".new";
    const int fd = openPrivate(temporary, true);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(file, std::strerror(error));
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const int syncError = errno;
    ::close(fd);
    if (!synced || ::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = synced ? errno : syncError;
        ::unlink(temporary.c_str());
        fail(file, std::strerror(error));
    }
}

std::string makeFolderPrivate(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return "cannot create '" + folder.string() + "': " + ec.message();
    struct stat info {};
    if (::lstat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return folder.string() + " is not a folder";
    std::string problems;
    const auto tighten = [&](const std::filesystem::path& path, const struct stat& st, mode_t mode) {
        if ((st.st_mode & 0777) == mode || ::chmod(path.c_str(), mode) == 0) return;
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105329) on chains of "+".
        if (!problems.empty()) problems.append("; ");
        problems.append("cannot make ").append(path.string()).append(" private: ").append(std::strerror(errno));
    };
    tighten(folder, info, S_IRWXU);
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) == 0 && S_ISREG(st.st_mode))
            tighten(entry.path(), st, S_IRUSR | S_IWUSR);
    }
    return problems;
}

}  // namespace posesmart
