# A few steps of BertLens Mini's training, end to end, on the committed everyday sentences with a
# tiny model: vocabulary, examples (single texts and sentence pairs), training with a checkpoint,
# stopping and resuming, the exported model read by bertlens-cli, the Qt-free GPU trainer (here on
# the CPU) packaged into a model folder, and the evaluation. Run by CTest with
# -DTRAINER= -DGPU_TRAINER= -DCLI= -DSOURCE= -DWORK=.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${ARGN}\nexit ${status}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(mini ${SOURCE}/tools/train_mini)
file(READ ${mini}/everyday_en.txt en)
file(READ ${mini}/everyday_zh.txt zh)
file(WRITE ${WORK}/corpus.txt "${en}${zh}")
# Pairs of an English and a Chinese line (not translations: the mechanics are what is tested).
file(STRINGS ${mini}/everyday_en.txt en_lines ENCODING UTF-8 REGEX "^[^#]")
file(STRINGS ${mini}/everyday_zh.txt zh_lines ENCODING UTF-8 REGEX "^[^#]")
set(pairs "")
foreach(i RANGE 0 19)
  list(GET en_lines ${i} a)
  list(GET zh_lines ${i} b)
  string(APPEND pairs "${a}\t${b}\n")
endforeach()
file(WRITE ${WORK}/pairs.tsv "${pairs}")

set(arch --hidden 32 --layers 2 --heads 2 --ffn 64 --seq 48)
run(${TRAINER} vocab --corpus ${WORK}/corpus.txt --size 400 --output ${WORK}/vocab.txt)
run(${TRAINER} examples --corpus ${WORK}/corpus.txt --vocab ${WORK}/vocab.txt --output ${WORK}/single.blex --seq 48)
run(${TRAINER} examples --pairs ${WORK}/pairs.tsv --vocab ${WORK}/vocab.txt --output ${WORK}/pairs.blex --seq 48)
if(NOT out MATCHES "^40 examples")
  message(FATAL_ERROR "20 pairs should make 40 examples (both orders): ${out}")
endif()
set(train ${TRAINER} train --examples ${WORK}/single.blex --examples ${WORK}/pairs.blex --vocab ${WORK}/vocab.txt
    --output ${WORK}/model --checkpoint ${WORK}/checkpoint --batch 4 ${arch} --torch-threads 1)
run(${train} --steps 6 --stop-after 0)
if(NOT out MATCHES "saved step 0")
  message(FATAL_ERROR "a run stopped at once should save step 0: ${out}")
endif()
run(${train} --steps 6)
if(NOT out MATCHES "resumed from [^\n]*checkpoint/current at step 0" OR NOT out MATCHES "saved step 6")
  message(FATAL_ERROR "the second run should resume and reach step 6: ${out}")
endif()
run(${CLI} info --model ${WORK}/model)
if(NOT out MATCHES "\"hidden_size\": 32")
  message(FATAL_ERROR "the trained model does not load: ${out}")
endif()
# Continuing from a model's weights (as Mini 3 continued from Mini 2).
run(${TRAINER} train --examples ${WORK}/single.blex --vocab ${WORK}/vocab.txt --init ${WORK}/model --output ${WORK}/continued
    --checkpoint ${WORK}/checkpoint2 --batch 4 --steps 2 ${arch} --torch-threads 1)

run(${GPU_TRAINER} --examples ${WORK}/single.blex,${WORK}/pairs.blex --heldout ${WORK}/single.blex --out ${WORK}/gpu
    --vocab ${WORK}/vocab.txt --batch 4 --steps 3 ${arch})
if(NOT out MATCHES "\"heldout_mlm_loss\": [0-9.]+")
  message(FATAL_ERROR "the GPU trainer did not report: ${out}")
endif()
run(${TRAINER} package --weights ${WORK}/gpu/weights-1.safetensors --vocab ${WORK}/vocab.txt --output ${WORK}/packaged ${arch})
run(${TRAINER} evaluate --model ${WORK}/model --corpus ${WORK}/corpus.txt --baseline-corpus ${WORK}/corpus.txt
    --everyday ${mini}/everyday_zh.txt --pairs ${WORK}/pairs.tsv --lexicon ${mini}/lexicon_en_zh.tsv)
if(NOT out MATCHES "\"top1_with_translation\"" OR NOT out MATCHES "\"masked_words\"")
  message(FATAL_ERROR "evaluate did not report: ${out}")
endif()
