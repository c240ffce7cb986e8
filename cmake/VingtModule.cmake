# vingt_add_module(<name> SOURCES ... DEPS ...): one static library per backend folder.
# Includes are folder-qualified ("core/result.h"), so every module exposes backend/ as include root.
function(vingt_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
    add_library(vingt_${name} STATIC ${ARG_SOURCES})
    target_include_directories(vingt_${name} PUBLIC "${PROJECT_SOURCE_DIR}/backend")
    target_link_libraries(vingt_${name} PUBLIC ${ARG_DEPS})
    target_compile_definitions(vingt_${name} PUBLIC QT_NO_KEYWORDS)
    vingt_set_warnings(vingt_${name})
endfunction()
