// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The second trust audit (issue 13), end to end: hostile file names, file types, encodings, export
// targets and sizes through the real executable. Arguments go to execv as raw bytes (names that are not
// UTF-8), and the child can get a file size limit or drop root before it starts.
#include <catch2/catch.hpp>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct RawRun {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

/// Runs effort-frontier with `arguments` given as bytes, no display; `prepare` runs in the child first.
RawRun runRaw(const std::vector<QByteArray> &arguments, const std::function<void()> &prepare = {},
              int timeoutMs = 30000)
{
    QTemporaryDir capture;
    const QByteArray outPath = QFile::encodeName(capture.filePath(QStringLiteral("out")));
    const QByteArray errPath = QFile::encodeName(capture.filePath(QStringLiteral("err")));
    const QByteArray executable(EF_EXECUTABLE);
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(executable.constData()));
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    ::chmod(QFile::encodeName(capture.path()).constData(), 0777); // a child without root writes here too
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        const int err = ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        const int in = ::open("/dev/null", O_RDONLY);
        if (out < 0 || err < 0 || in < 0)
            ::_exit(120);
        ::dup2(out, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        ::dup2(in, STDIN_FILENO);
        ::unsetenv("DISPLAY");
        ::unsetenv("WAYLAND_DISPLAY");
        ::unsetenv("QT_QPA_PLATFORM");
        if (prepare)
            prepare();
        ::execv(argv[0], argv.data());
        ::_exit(121);
    }
    RawRun result;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            result.finished = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!result.finished) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    result.exitCode = result.finished && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFile(capture.filePath(QStringLiteral("out")));
    result.err = readFile(capture.filePath(QStringLiteral("err")));
    return result;
}

/// No raw control character (C0 but the final newline, C1), line separator or bidi control in `err`.
bool onlySafeBytes(const QByteArray &err)
{
    const QString text = QString::fromUtf8(err.chopped(err.endsWith('\n') ? 1 : 0));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e)
            || (u >= 0x2066 && u <= 0x2069))
            return false;
    }
    return true;
}

/// Exit 2, nothing on stdout, one safe line on stderr containing `fragment`.
void checkRefused(const RawRun &r, const QString &fragment)
{
    INFO("stderr: " << r.err.toStdString());
    REQUIRE(r.finished);
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.startsWith("effort-frontier: "));
    CHECK(r.err.count('\n') == 1);
    CHECK(r.err.endsWith('\n'));
    CHECK(onlySafeBytes(r.err));
    CHECK(QString::fromUtf8(r.err).contains(fragment));
}

const QByteArray kScenario
    = R"({"version":1,"totalEffort":10,"projects":[{"name":"P","curve":{"family":"log","a":0.1,"b":2}}]})";

QByteArray native(const QTemporaryDir &dir, const char *name)
{
    return QFile::encodeName(dir.path()) + "/" + name;
}

void dropRoot()
{
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
        ::_exit(122);
}

void limitFileSize()
{
    ::signal(SIGXFSZ, SIG_IGN); // the write fails with EFBIG instead of killing the process
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = 4096;
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

} // namespace

TEST_CASE("hostile scenario files and names are refused with one safe line and exit 2", "[app][hostile]")
{
    QTemporaryDir dir;
    ::chmod(QFile::encodeName(dir.path()).constData(), 0755);
    const QString base = dir.path() + QLatin1Char('/');
    int checked = 0;

    SECTION("names with terminal escapes, NEL, separators and bidi overrides are escaped")
    {
        for (const char *name : {"a\xc2\x9b"
                                 "31mb.json",
                                 "a\xc2\x85"
                                 "b.json",
                                 "a\xe2\x80\xa8"
                                 "b.json",
                                 "a\xe2\x80\xa9"
                                 "b.json",
                                 "gpj.\xe2\x80\xae"
                                 "json",
                                 "a\x1b[2Jb.json"}) {
            const RawRun r = runRaw({"--allocate", native(dir, name)});
            checkRefused(r, QStringLiteral(": no such file"));
            ++checked;
        }
    }
    SECTION("scenario names with C1 controls or bidi overrides are refused, never printed raw")
    {
        for (const char *name : {R"(\u009b31m)", R"(x\u0085y)", R"(x\u2028y)", R"(x\u202ey)", R"(x\ud800y)"}) {
            writeFile(base + QStringLiteral("s.json"),
                      QByteArray(R"({"version":1,"totalEffort":10,"projects":[{"name":")") + name
                          + R"(","curve":{"family":"log","a":0.1,"b":2}}]})");
            const RawRun r = runRaw({"--allocate", native(dir, "s.json")});
            checkRefused(r, QStringLiteral("projects[0].name"));
            ++checked;
        }
    }
    SECTION("a name that is not UTF-8 opens byte for byte")
    {
        const QByteArray name = native(dir, "caf\xe9-\xff.json");
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, kScenario.constData(), static_cast<std::size_t>(kScenario.size())) == kScenario.size());
        ::close(fd);
        const RawRun r = runRaw({"--allocate", name});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.out.contains("\"totalEffort\": 10"));
        const RawRun missing = runRaw({"--allocate", native(dir, "n\xe9.json")});
        checkRefused(missing, QStringLiteral("/n\\xe9.json: no such file"));
        ::unlink(name.constData());
        checked += 2;
    }
    SECTION("a file name starting with a dash gets the -- hint, and -- works")
    {
        writeFile(base + QStringLiteral("-plan.json"), kScenario);
        REQUIRE(::chdir(QFile::encodeName(dir.path()).constData()) == 0);
        checkRefused(runRaw({"--allocate", "-plan.json"}),
                     QStringLiteral("\"-plan.json\" is not an option; to open a file whose name starts with a dash, "
                                    "put -- before it"));
        const RawRun r = runRaw({"--allocate", "--", "-plan.json"});
        CHECK(r.exitCode == 0);
        CHECK(r.out.contains("\"scenario\": \"-plan\""));
        REQUIRE(::chdir("/") == 0);
        checked += 2;
    }
    SECTION("the system's real reason: permission denied, a symlink loop, a name too long")
    {
        writeFile(base + QStringLiteral("secret.json"), kScenario);
        ::chmod(native(dir, "secret.json").constData(), 0600);
        checkRefused(runRaw({"--allocate", native(dir, "secret.json")}, dropRoot),
                     QStringLiteral("secret.json: cannot be opened: permission denied"));
        REQUIRE(::symlink(native(dir, "loop-b.json").constData(), native(dir, "loop-a.json").constData()) == 0);
        REQUIRE(::symlink(native(dir, "loop-a.json").constData(), native(dir, "loop-b.json").constData()) == 0);
        checkRefused(runRaw({"--allocate", native(dir, "loop-a.json")}),
                     QStringLiteral("loop-a.json: cannot be opened: too many levels of symbolic links"));
        checkRefused(runRaw({"--allocate", QFile::encodeName(dir.path()) + "/" + QByteArray(300, 'x') + ".json"}),
                     QStringLiteral("cannot be opened: the file name or path is too long for the system"));
        checked += 3;
    }
    SECTION("FIFOs, devices and files that would block are refused at once")
    {
        REQUIRE(::mkfifo(native(dir, "pipe.json").constData(), 0600) == 0);
        checkRefused(runRaw({"--allocate", native(dir, "pipe.json")}, {}, 10000),
                     QStringLiteral("is a named pipe (FIFO), not a regular file"));
        checkRefused(runRaw({"--allocate", "/dev/zero"}), QStringLiteral("is a character device, not a regular file"));
        checked += 2;
        if (::access("/proc/kmsg", R_OK) == 0) {
            REQUIRE(::symlink("/proc/kmsg", native(dir, "kmsg.json").constData()) == 0);
            const RawRun r = runRaw({"--allocate", native(dir, "kmsg.json")}, {}, 10000);
            CHECK(r.finished); // answers instead of waiting for the kernel to log something
            CHECK(r.exitCode == 2);
            ++checked;
        }
    }
    SECTION("UTF-16 and UTF-32 files and top-level scalars are named")
    {
        const std::pair<QByteArray, const char *> cases[] = {
            {QByteArray("\xff\xfe{\0\"\0", 6), "the file is UTF-16 (little-endian) text"},
            {QByteArray("\0{\0\"\0v", 6), "the file is UTF-16 (big-endian) text"},
            {QByteArray("\xff\xfe\0\0{\0\0\0", 8), "the file is UTF-32 (little-endian) text"},
            {QByteArray("null"), "the document must be a JSON object, not null"},
            {QByteArray("\"scenario\""), "the document must be a JSON object, not a string"},
            {QByteArray("42"), "the document must be a JSON object, not a number"},
        };
        for (const auto &[bytes, fragment] : cases) {
            writeFile(base + QStringLiteral("enc.json"), bytes);
            checkRefused(runRaw({"--allocate", native(dir, "enc.json")}), QString::fromUtf8(fragment));
            ++checked;
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("a failed export keeps the previous file byte for byte and says so in one line", "[app][hostile][export]")
{
    QTemporaryDir dir;
    ::chmod(QFile::encodeName(dir.path()).constData(), 0755);
    for (const char *format : {"png", "svg", "pdf"}) {
        DYNAMIC_SECTION(format)
        {
            const QByteArray out = native(dir, "chart.") + format;
            const RawRun good = runRaw({"--export", out});
            INFO(good.err.toStdString());
            REQUIRE(good.exitCode == 0);
            const QByteArray before = readFile(QFile::decodeName(out));
            REQUIRE(before.size() > 4096);

            // A file size limit: the write fails part way (a full disk behaves the same).
            checkRefused(runRaw({"--export", out, "--preset", "growth"}, limitFileSize),
                         QStringLiteral("not written (File too large); any previous file there is unchanged"));
            CHECK(readFile(QFile::decodeName(out)) == before);

            // A folder the user cannot write to.
            checkRefused(runRaw({"--export", out, "--preset", "growth"}, dropRoot),
                         QStringLiteral("any previous file there is unchanged"));
            CHECK(readFile(QFile::decodeName(out)) == before);

            // A path to /dev/full: refused, and the device stays a device.
            const QByteArray full = native(dir, "full.") + format;
            REQUIRE(::symlink("/dev/full", full.constData()) == 0);
            checkRefused(runRaw({"--export", full}), QStringLiteral("not a regular file"));
            struct stat info { };
            REQUIRE(::stat("/dev/full", &info) == 0);
            CHECK(S_ISCHR(info.st_mode));
            // No temporary file is left behind.
            const QString suffix = QString::fromLatin1(format);
            CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
                  == QStringList{QStringLiteral("chart.") + suffix, QStringLiteral("full.") + suffix});
        }
    }
}

TEST_CASE("export sizes are bounded by their pixel count with a clear reason", "[app][hostile][export]")
{
    QTemporaryDir dir;
    const QByteArray out = native(dir, "big.png");
    const auto start = std::chrono::steady_clock::now();
    checkRefused(runRaw({"--export", out, "--size", "20000x20000", "--scale", "4"}),
                 QStringLiteral("--size/--scale: 20000x20000 at scale 4 is 6400.0 million pixels; the limit is 50 "
                                "million"));
    checkRefused(runRaw({"--export", out, "--size", "20000x20000"}),
                 QStringLiteral("20000x20000 at scale 1 is 400.0 million pixels"));
    checkRefused(runRaw({"--export", out, "--size", "4000x4000", "--scale", "2"}),
                 QStringLiteral("4000x4000 at scale 2 is 64.0 million pixels"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK_FALSE(QFile::exists(QFile::decodeName(out)));
    // At the bound it draws: 3840x2160 at scale 2 is 33.2 million pixels.
    const RawRun r = runRaw({"--export", out, "--size", "3840x2160", "--scale", "2"});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.err.isEmpty());
}

TEST_CASE("the window refuses a file name it could not save back under the same name", "[app][hostile]")
{
    QTemporaryDir dir;
    const QByteArray name = native(dir, "caf\xe9.json");
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, kScenario.constData(), static_cast<std::size_t>(kScenario.size())) == kScenario.size());
    ::close(fd);
    // Even with a platform that needs no display, before any window opens.
    const RawRun r = runRaw({name}, [] { ::setenv("QT_QPA_PLATFORM", "offscreen", 1); });
    checkRefused(r, QStringLiteral("caf\\xe9.json: the window cannot save under a name that is not valid UTF-8"));
    ::unlink(name.constData());
}
