#include "model/model_writer.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <QDir>

namespace bertlens {

namespace {

void writeText(const std::string &path, const std::string &text)
{
    AtomicFile file(path);
    file.write(text);
    file.commit();
}

} // namespace

void writeModelFolder(const std::string &dir, const ModelFolderContents &m)
{
    m.config.validate("model configuration");
    if (int(m.vocab.size()) > m.config.vocabSize)
        throw Error(ErrorKind::Usage, "the vocabulary has more entries than vocab_size");
    if (!QDir().mkpath(QString::fromStdString(dir)))
        throw ioError(dir + ": cannot create the folder");
    const QDir folder(QString::fromStdString(dir));
    auto path = [&folder](const char *name) { return folder.filePath(name).toStdString(); };

    std::map<std::string, std::string> metadata = m.metadata;
    metadata["format"] = "pt";
    writeSafetensors(path("model.safetensors"), m.tensors, m.dtype, metadata);
    writeText(path("config.json"), m.config.toJson());
    std::string vocab;
    for (const auto &token : m.vocab)
        vocab += token + "\n";
    writeText(path("vocab.txt"), vocab);
    const char *lower = m.lowercase ? "true" : "false";
    writeText(path("tokenizer_config.json"), std::string("{\n  \"do_lower_case\": ") + lower
                                                 + ",\n  \"strip_accents\": null,\n  \"tokenize_chinese_chars\": true,\n"
                                                   "  \"model_max_length\": " + std::to_string(m.config.maxPositions)
                                                 + ",\n  \"tokenizer_class\": \"BertTokenizer\"\n}\n");
}

} // namespace bertlens
