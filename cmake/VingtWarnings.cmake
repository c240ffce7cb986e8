# Compiler warnings for every Vingt target. CI builds turn them into errors (VINGT_WERROR). Clang (the fuzz build)
# has no -Wshadow=local.
function(vingt_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor
                                             -Wcast-align -Woverloaded-virtual -Wnull-dereference)
    if(VINGT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
