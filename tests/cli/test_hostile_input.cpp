// Hostile input through the CLI (issue "Hostile input"): every crafted model folder is refused
// with exit status 3 and a message naming what is wrong, an existing output stays byte-identical,
// devices and FIFOs named as outputs are written through and never replaced, and memory stays
// bounded whatever the input.
#include "cli_runner.h"
#include "fixtures.h"
#include "hostile_files.h"

#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace bertlens;

namespace {

using test::cli;
using test::Run;

const QString kModel = test::fixture("models/tiny-safetensors");

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostileModelsAreRefused_data()
    {
        QTest::addColumn<int>("index");
        const auto cases = test::hostile::modelCases();
        for (int i = 0; i < int(cases.size()); ++i)
            QTest::newRow(cases[size_t(i)].name) << i;
    }
    void hostileModelsAreRefused()
    {
        QFETCH(int, index);
        const auto c = test::hostile::modelCases()[size_t(index)];
        QTemporaryDir dir;
        const QString model = test::hostile::writeFolder(dir.filePath("model"), BERTLENS_FIXTURES_DIR, c.files, c.config);
        const QString input = writeFile(dir.filePath("in.txt"), "hello world\n");
        const QString output = writeFile(dir.filePath("out.csv"), "precious\n");
        const Run r = cli({"embed", "--model", model, "--input", input, "--output", output});
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains(c.message), r.err.constData());
        QVERIFY2(r.err.startsWith("bertlens-cli: " + dir.path().toUtf8()), r.err.constData()); // names the file
        QCOMPARE(readAll(output), QByteArray("precious\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary file left
    }

    // /dev/null stays the character device, and a FIFO receives the CSV.
    void devicesAreWrittenThrough()
    {
        QTemporaryDir dir;
        const QString input = writeFile(dir.filePath("in.txt"), "hello world\n");
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", "/dev/null"}).status, 0);
        struct stat st {};
        QVERIFY(::stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));

        const QString fifo = dir.filePath("fifo");
        QVERIFY(::mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
        QProcess reader;
        reader.start("cat", {fifo});
        QVERIFY(reader.waitForStarted());
        QCOMPARE(cli({"embed", "--model", kModel, "--input", input, "--output", fifo, "--pooling", "mean"}).status, 0);
        QVERIFY(reader.waitForFinished(30000));
        QVERIFY(reader.readAllStandardOutput().startsWith("sentence,layer,d0,"));
        QVERIFY(::stat(fifo.toLocal8Bit().constData(), &st) == 0 && S_ISFIFO(st.st_mode));

        // A header written last cannot go to a device: refused before anything runs.
        const Run npy = cli({"embed", "--model", kModel, "--input", input, "--output", "/dev/null", "--pooling", "mean"});
        QCOMPARE(npy.status, 0);
    }

    void aFullDiskIsNamed()
    {
        QTemporaryDir dir;
        const QString input = writeFile(dir.filePath("in.txt"), "hello world\n");
        const Run r = cli({"embed", "--model", kModel, "--input", input, "--output", "/dev/full"});
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("/dev/full: cannot write (No space left on device)"), r.err.constData());
    }

    void memoryIsBoundedByTheLimits()
    {
        QTemporaryDir dir;
        const QString output = writeFile(dir.filePath("out.csv"), "precious\n");
        // No line ends at all.
        Run r = cli({"embed", "--model", kModel, "--input", "/dev/zero", "--output", output});
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("/dev/zero: line 1 is longer than 1 MiB"), r.err.constData());
        // A long line after good ones: refused, naming it, and nothing written.
        const QString input = writeFile(dir.filePath("in.txt"), "fine\nalso fine\n" + QByteArray(2 << 20, 'a') + "\nlast\n");
        r = cli({"embed", "--model", kModel, "--input", input, "--output", output});
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("in.txt: line 3 is longer than 1 MiB"), r.err.constData());
        QCOMPARE(readAll(output), QByteArray("precious\n"));
        r = cli({"embed", "--model", kModel, "--input", input, "--output", output, "--batch-size", "1000000000"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--batch-size must be at most 1024"), r.err.constData());
    }

    void usageAndInputErrorsKeepTheContract()
    {
        QTemporaryDir dir;
        const QString input = writeFile(dir.filePath("in.txt"), "hello\n");
        const QString output = dir.filePath("out.csv");
        Run r = cli({"embed", "--model", kModel, "--input", input, "--output", output, "--max-length", "1"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--max-length must be at least 2"), r.err.constData());
        r = cli({"embed", "--model", kModel, "--input", input, "--output", output, "--layers", "0,0,1"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("names layer 0 a second time"), r.err.constData());
        // Invalid UTF-8 is refused as an argument just as in a file, and the file is named.
        QProcess raw; // through the shell: QProcess would re-encode the argument
        raw.start("sh", {"-c", "exec \"$0\" tokenize --model \"$1\" \"$(printf 'caf\\351')\"", BERTLENS_CLI, kModel});
        QVERIFY(raw.waitForFinished(30000));
        QCOMPARE(raw.exitCode(), 4);
        QVERIFY2(raw.readAllStandardError().contains("argument 4 is not valid UTF-8"), "invalid UTF-8 argument accepted");
        const QString bad = writeFile(dir.filePath("bad.txt"), "caf\xe9\n");
        r = cli({"embed", "--model", kModel, "--input", bad, "--output", output});
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("bad.txt: line 1:"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "test_hostile_input.moc"
