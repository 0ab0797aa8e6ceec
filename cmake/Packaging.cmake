# What `cmake --install` puts where, and the Debian package (`cpack -G DEB` in the build folder, or
# the `package` target): bertlens_<version>_amd64.deb. Its Depends are dpkg-shlibdeps' answer for
# the two programs plus what no linker sees: the multithreaded OpenBLAS (LibTorch calls whatever
# libblas.so.3 the alternatives system selects, and openblas-pthread's priority makes it the
# choice once installed; the reference BLAS is ~50x slower), Qt's platform plugins, and a font with
# Chinese glyphs for the Chinese interface and sentences.

set(BERTLENS_HOMEPAGE "https://github.com/bertlens/bertlens" CACHE STRING
    "where the project is published: the package's Homepage, AppStream's URLs and screenshots")
set(BERTLENS_MAINTAINER "BertLens developers <bertlens@users.noreply.github.com>" CACHE STRING
    "the package's Maintainer")

install(DIRECTORY resources/models/bertlens-mini DESTINATION ${CMAKE_INSTALL_DATADIR}/bertlens/models
        PATTERN "*.png" EXCLUDE)
install(DIRECTORY resources/lessons DESTINATION ${CMAKE_INSTALL_DATADIR}/bertlens)
install(FILES resources/desktop/io.github.bertlens.BertLens.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES resources/desktop/io.github.bertlens.BertLens.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME io.github.bertlens.BertLens.xml)
configure_file(resources/desktop/io.github.bertlens.BertLens.metainfo.xml.in io.github.bertlens.BertLens.metainfo.xml @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/io.github.bertlens.BertLens.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES resources/icons/bertlens.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 24 32 48 64 128 256 512)
  install(FILES resources/icons/hicolor/${size}x${size}/bertlens.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES resources/completion/bertlens-cli DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# Man pages and the changelog compressed, as Debian installs them (gzip -n: no time stamp, so the
# package is reproducible).
find_program(GZIP gzip REQUIRED)
set(compressed)
foreach(source docs/man/bertlens.1 docs/man/bertlens-cli.1 resources/debian/changelog)
  get_filename_component(name ${source} NAME)
  add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/packaging/${name}.gz
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
                     COMMAND ${GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/${source} > ${CMAKE_CURRENT_BINARY_DIR}/packaging/${name}.gz
                     DEPENDS ${source} VERBATIM)
  list(APPEND compressed ${CMAKE_CURRENT_BINARY_DIR}/packaging/${name}.gz)
endforeach()
add_custom_target(compressed_docs ALL DEPENDS ${compressed})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/bertlens.1.gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/bertlens-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz resources/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/bertlens)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bertlens)
set(CPACK_PACKAGE_VENDOR "The BertLens developers")
set(CPACK_PACKAGE_CONTACT "${BERTLENS_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${BERTLENS_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread, qt6-qpa-plugins, fonts-wqy-microhei | fonts-noto-cjk")
# Chinese words (rather than characters) in words mode read jieba's dictionary.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-jieba")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "look inside BERT language models")
# CPack puts the summary first and indents these lines (an empty line becomes " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "BertLens shows what a BERT-family model computes for the sentences you type:
the WordPiece tokens, every layer's hidden states, every head's attention,
projections and cosine similarities of token and sentence vectors, and what
the model predicts for a masked word, layer by layer. A walk-through and a
presenter mode are made for teaching, in English and Chinese.

bertlens-cli exports vectors and attention of whole corpora to CSV or NPY.
Both read Hugging Face checkpoints from disk or by Hub id and give the numbers
of Hugging Face's BertModel. BertLens Mini, a small English and Chinese model,
is included, so that it works offline from the first start.")
include(CPack)
