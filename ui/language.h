#pragma once

#include <QString>

namespace bertlens {

// The UI language: "en", "zh_CN", or empty for the system's. Installs the translation embedded
// at :/i18n/bertlens_<code>.qm; every widget then receives QEvent::LanguageChange and
// retranslates itself, so the switch needs no restart. Returns the code in effect.
QString applyLanguage(const QString &code);
QString currentLanguage();

} // namespace bertlens
