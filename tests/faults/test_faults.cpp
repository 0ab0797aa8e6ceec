// Fault injection against the real bertlens-cli: full disks (a small tmpfs, where the machine lets
// us mount one), kill -9 at random points of exports and indexing followed by a run that must be
// right, FIFOs and devices wherever a file is named, files that shrink or lie about their
// encoding. Every case ends in the right answer or a clear refusal — never a wrong answer, a hang,
// or memory without bound.
#include "cli_runner.h"
#include "file_bytes.h"
#include "fixtures.h"

#include "common/error.h"
#include "io/text_source.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace bertlens;
using test::readAll;

namespace {

const QString kModel = QString::fromStdString(test::fixturePath("models/tiny-safetensors"));

// Lines enough that an export of the tiny model runs for seconds (a kill lands mid-run).
QString writeLines(const QString &path, int lines, quint32 seed = 1)
{
    static const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "hello", "world", "bert", "model"};
    QRandomGenerator random(seed);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    for (int i = 0; i < lines; ++i) {
        QByteArray line;
        for (int w = 0; w < 10; ++w)
            line += QByteArray(words[random.bounded(12)]) + (w < 9 ? " " : "\n");
        f.write(line);
    }
    return path;
}

QStringList temporariesIn(const QString &dir)
{
    return QDir(dir).entryList({".*.tmp-*"}, QDir::Files | QDir::Hidden);
}

// Runs the CLI, kills it with SIGKILL after `ms`, and waits for it to be gone.
void killAfter(const QStringList &args, int ms)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(BERTLENS_CLI, args);
    QVERIFY(p.waitForStarted());
    QTest::qWait(ms);
    // QProcess::kill is SIGKILL to the child alone (kill(processId()) of a process already gone
    // would be kill(0): the whole process group, ctest included).
    p.kill();
    p.waitForFinished(10000);
}

// A tmpfs of `bytes` at `dir`, unmounted when destroyed; empty where mounting is not allowed.
struct SmallDisk {
    QString dir;
    explicit SmallDisk(const QString &where, long long bytes)
    {
        QDir().mkpath(where);
        const QByteArray options = "size=" + QByteArray::number(bytes);
        if (::mount("tmpfs", where.toLocal8Bit().constData(), "tmpfs", 0, options.constData()) == 0)
            dir = where;
    }
    ~SmallDisk()
    {
        if (!dir.isEmpty())
            ::umount2(dir.toLocal8Bit().constData(), MNT_DETACH);
    }
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    // A full disk: the old output is kept byte for byte, no temporary is left, and the error says
    // so; a disk too small for the result is refused before the long part.
    void fullDiskKeepsTheOldFiles()
    {
        SmallDisk disk(m_dir.filePath("small"), 256 << 10);
        if (disk.dir.isEmpty())
            QSKIP("cannot mount a tmpfs here (not root, or no mount namespace): the full-disk cases are skipped");
        const QString input = writeLines(m_dir.filePath("lines.txt"), 400);
        const QString output = disk.dir + "/out.csv";
        QFile old(output);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old file\n");
        old.close();
        QFile oldSidecar(output + ".centre.json");
        QVERIFY(oldSidecar.open(QIODevice::WriteOnly));
        oldSidecar.write("{\"centred\": true, \"old\": 1}\n");
        oldSidecar.close();
        // The CSV of token vectors is far larger than the disk, but not knowable in advance: it fails while writing.
        for (const QStringList &extra : {QStringList{}, QStringList{"--center"}}) {
            const test::Run r = test::cli(QStringList{"embed", "--model", kModel, "--input", input, "--output", output, "--layers", "-1"} + extra);
            QCOMPARE(r.status, 4);
            QVERIFY2(r.err.contains("No space left on device"), r.err.constData());
            QCOMPARE(readAll(output), QByteArray("the old file\n"));
            QCOMPARE(readAll(output + ".centre.json"), QByteArray("{\"centred\": true, \"old\": 1}\n"));
            QVERIFY2(temporariesIn(disk.dir).isEmpty(), qPrintable(temporariesIn(disk.dir).join(' ')));
        }
        // Pooled vectors of every layer: known in advance to need more than the disk has.
        const QString many = writeLines(m_dir.filePath("many.txt"), 3000, 6); // 3000 × 3 layers × 32 floats: 1.1 MB
        const test::Run early = test::cli({"embed", "--model", kModel, "--input", many, "--output", disk.dir + "/out.npy",
                                                    "--pooling", "mean", "--layers", "all"});
        QCOMPARE(early.status, 4);
        QVERIFY2(early.err.contains("needs at least") && early.err.contains("MB are free"), early.err.constData());
        QVERIFY(!QFile::exists(disk.dir + "/out.npy"));

        // The corpus index does not fit: the search still answers, and says the index is not kept.
        const QString corpus = disk.dir + "/corpus.txt";
        QVERIFY(QFile::copy(writeLines(m_dir.filePath("corpus.txt"), 300, 5), corpus));
        const test::Run search = test::cli({"search", "--model", kModel, "--corpus", corpus, "--top-k", "2", "quick fox"});
        QCOMPARE(search.status, 0);
        QVERIFY2(search.err.contains("the index is not kept"), search.err.constData());
        QCOMPARE(search.out.count('\n'), 2);
        QVERIFY(temporariesIn(disk.dir).isEmpty());
    }

    // kill -9 at random points of an export: the target never holds a partial file, and the next
    // run writes exactly what an undisturbed run writes and removes the dead run's temporary.
    void killedExportsLeaveNothingWrong()
    {
        const QString input = writeLines(m_dir.filePath("long.txt"), 1500, 2);
        const QString reference = m_dir.filePath("reference.csv");
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(test::cli({"embed", "--model", kModel, "--input", input, "--output", reference, "--layers", "0,2"}).status, 0);
        const int undisturbed = int(clock.elapsed()); // the kills land inside a run, in this build's speed
        const QByteArray expected = readAll(reference);
        QVERIFY(expected.size() > 1000);
        const QString output = m_dir.filePath("killed.csv");
        QRandomGenerator random(7);
        for (int round = 0; round < 3; ++round) {
            killAfter({"embed", "--model", kModel, "--input", input, "--output", output, "--layers", "0,2"},
                      undisturbed / 10 + random.bounded(std::max(1, undisturbed * 7 / 10)));
            QVERIFY(!QFile::exists(output) || readAll(output) == expected); // never a partial file under the name
            QCOMPARE(test::cli({"embed", "--model", kModel, "--input", input, "--output", output, "--layers", "0,2"}).status, 0);
            QVERIFY(readAll(output) == expected);
            QVERIFY2(temporariesIn(m_dir.path()).isEmpty(), qPrintable(temporariesIn(m_dir.path()).join(' ')));
            QFile::remove(output);
        }
    }

    // kill -9 while the corpus index is built: nothing is taken as a valid index, and the next
    // search answers as a search of a fresh index does.
    void killedIndexingLeavesNoIndex()
    {
        QTemporaryDir a, b;
        const QString corpus = writeLines(a.filePath("corpus.txt"), 1500, 3);
        QVERIFY(QFile::copy(corpus, b.filePath("corpus.txt")));
        const QStringList query = {"--top-k", "5", "lazy dog jumps"};
        QElapsedTimer clock;
        clock.start();
        const test::Run fresh = test::cli(QStringList{"search", "--model", kModel, "--corpus", b.filePath("corpus.txt")} + query);
        QCOMPARE(fresh.status, 0);
        killAfter(QStringList{"search", "--model", kModel, "--corpus", corpus} + query, int(clock.elapsed()) / 2);
        const test::Run after = test::cli(QStringList{"search", "--model", kModel, "--corpus", corpus} + query);
        QCOMPARE(after.status, 0);
        QCOMPARE(after.out, fresh.out);
        QVERIFY(temporariesIn(a.path()).isEmpty());
        // And the saved index is used again, with the same answers.
        const test::Run again = test::cli(QStringList{"search", "--model", kModel, "--corpus", corpus} + query);
        QVERIFY2(!again.err.contains("indexing"), again.err.constData());
        QCOMPARE(again.out, fresh.out);
    }

    // A temporary of a process that is gone is removed by the next run to that path; one of a
    // live process, or of another name, is not.
    void temporariesOfDeadRunsAreRemoved()
    {
        QTemporaryDir dir;
        const pid_t dead = ::fork();
        if (dead == 0)
            ::_exit(0);
        ::waitpid(dead, nullptr, 0);
        const QString output = dir.filePath("out.csv");
        const QStringList stale = {QString(".out.csv.tmp-%1-0-42").arg(dead), QString(".out.csv.tmp-%1-0-42").arg(::getpid()),
                                   QString(".other.csv.tmp-%1-0-42").arg(dead)};
        for (const QString &name : stale) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(1000, 'x'));
        }
        const QString input = writeLines(dir.filePath("in.txt"), 3);
        QCOMPARE(test::cli({"embed", "--model", kModel, "--input", input, "--output", output}).status, 0);
        QStringList left = temporariesIn(dir.path()), kept = {stale[1], stale[2]};
        left.sort();
        kept.sort();
        QCOMPARE(left, kept);
    }

    // FIFOs and devices wherever a file is named: a clear refusal, never a hang.
    void fifosAndDevicesAreRefused()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("fifo");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        const QString out = dir.filePath("out.csv");
        struct Case {
            QStringList args;
            QByteArray says;
        };
        const std::vector<Case> cases = {
            {{"embed", "--model", kModel, "--input", fifo, "--output", out, "--center"}, "which can be read only once"},
            {{"embed", "--model", kModel, "--input", fifo, "--output", out, "--shard", "1/2"}, "which can be read only once"},
            {{"attention", "--model", kModel, "--input", "/dev/zero", "--output", out, "--shard", "0/2"}, "which can be read only once"},
            {{"search", "--model", kModel, "--corpus", fifo, "hello"}, "fifo"},
        };
        for (const Case &c : cases) {
            const test::Run r = test::cli(c.args);
            QVERIFY2(r.status > 0 && r.err.contains(c.says), qPrintable(c.args.join(' ') + ": " + r.err));
        }
        // A model folder whose files are a FIFO or a device.
        for (const char *file : {"config.json", "vocab.txt"}) {
            for (const QString &target : {fifo, QString("/dev/zero")}) {
                QTemporaryDir model;
                for (const QString &f : QDir(kModel).entryList(QDir::Files))
                    QVERIFY(QFile::copy(QDir(kModel).filePath(f), model.filePath(f)));
                QFile::remove(model.filePath(file));
                QVERIFY(QFile::link(target, model.filePath(file)));
                const test::Run r = test::cli({"info", "--model", model.path()});
                QVERIFY2(r.status == 3 && r.err.contains(file) && r.err.contains("not a regular file"), r.err.constData());
            }
        }
        // An index path that is a FIFO, or a link to /dev/zero: the search answers from a fresh
        // index, which it does not write into the device.
        for (const QString &target : {fifo, QString("/dev/zero")}) {
            QTemporaryDir corpusDir;
            const QString corpus = writeLines(corpusDir.filePath("c.txt"), 20, 9);
            QVERIFY(QFile::link(target, corpus + ".bertlens-index"));
            const test::Run r = test::cli({"search", "--model", kModel, "--corpus", corpus, "--top-k", "1", "dog"});
            QVERIFY2(r.status == 0 && r.out.count('\n') == 1, r.err.constData());
            QVERIFY2(r.err.contains("not a regular file") && r.err.contains("the index is not kept"), r.err.constData());
        }
    }

    // Input that shrinks while it is read is noticed: an error, not a short result with status 0.
    void shrinkingInputIsAnError()
    {
        const QString path = writeLines(m_dir.filePath("shrinks.txt"), 2000, 4);
        LineReader reader(path.toStdString());
        std::string line;
        QVERIFY(reader.next(line));
        QVERIFY(::truncate(path.toLocal8Bit().constData(), 100000) == 0);
        bool thrown = false;
        try {
            while (reader.next(line)) {
            }
        } catch (const Error &e) {
            thrown = QByteArray(e.what()).contains("shrank while it was read");
        }
        QVERIFY(thrown);
    }

    // Encodings: a UTF-8 byte-order mark is not part of the text (offsets from the text's first
    // character); UTF-16 is named as such; bad UTF-8 in a corpus names the file and line.
    void encodingsAreNamed()
    {
        QTemporaryDir dir;
        QFile bom(dir.filePath("bom.txt"));
        QVERIFY(bom.open(QIODevice::WriteOnly));
        bom.write("\xEF\xBB\xBFhello world\n");
        bom.close();
        const test::Run t = test::cli({"tokenize", "--model", kModel, "--input", bom.fileName()});
        QCOMPARE(t.status, 0);
        QVERIFY2(t.out.startsWith("{\"text\": \"hello world\"") && t.out.contains("[0, 5]"), t.out.constData());
        QFile utf16(dir.filePath("utf16.txt"));
        QVERIFY(utf16.open(QIODevice::WriteOnly));
        utf16.write(QByteArray("\xFF\xFE", 2) + QByteArray("h\0i\0\n\0", 6));
        utf16.close();
        const test::Run u = test::cli({"embed", "--model", kModel, "--input", utf16.fileName(), "--output", dir.filePath("o.csv")});
        QVERIFY2(u.status == 4 && u.err.contains("looks like UTF-16") && u.err.contains("utf16.txt"), u.err.constData());
        QFile bad(dir.filePath("bad.txt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("fine\n\xC3\x28 broken\n");
        bad.close();
        const test::Run s = test::cli({"search", "--model", kModel, "--corpus", bad.fileName(), "fine"});
        QVERIFY2(s.status == 4 && s.err.contains("bad.txt: line 2 is not valid UTF-8"), s.err.constData());
    }

    // The --center sidecar describes the file beside it: made with it, removed by an export to the
    // same path without --center.
    void sidecarNeverOutlivesItsRun()
    {
        QTemporaryDir dir;
        const QString input = writeLines(dir.filePath("in.txt"), 5), output = dir.filePath("v.csv");
        QCOMPARE(test::cli({"embed", "--model", kModel, "--input", input, "--output", output, "--pooling", "mean", "--center"}).status, 0);
        QVERIFY(readAll(output + ".centre.json").startsWith("{\"centred\": true"));
        const test::Run plain = test::cli({"embed", "--model", kModel, "--input", input, "--output", output, "--pooling", "mean"});
        QCOMPARE(plain.status, 0);
        QVERIFY(!QFile::exists(output + ".centre.json"));
        QVERIFY2(plain.err.contains("removed"), plain.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "test_faults.moc"
