# cmake -DDEST=dir -DFILES="a;b;c" -P copy_seeds.cmake: copies each seed as DEST/seed-N (seeds of
# different folders share names such as model.safetensors).
file(MAKE_DIRECTORY ${DEST})
set(i 0)
foreach(f IN LISTS FILES)
  math(EXPR i "${i} + 1")
  file(COPY_FILE ${f} ${DEST}/seed-${i})
endforeach()
