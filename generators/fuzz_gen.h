#pragma once
// Generators of hostile inputs for the front end: text that is mostly not a
// program. The parser must answer every one of them with a Module or with
// error diagnostics, never with a crash (tests/generators/parser_fuzz_test.cpp).

#include <rapidcheck.h>

#include <string>

namespace ownmodel::gen {

/// A random sequence of tokens — keywords (1.0 and older spellings), names,
/// operators, brackets, literals (well- and ill-formed), NEWLINEs and
/// indentation changes — rendered to text with Python-style layout.
[[nodiscard]] rc::Gen<std::string> token_soup();

/// Random bytes: uniform noise, or biased towards the ones that matter to a lexer
/// (layout, quotes, backslashes, brackets, invalid UTF-8, NUL).
[[nodiscard]] rc::Gen<std::string> random_bytes();

/// A printed valid program after 1–4 random edits: delete, insert, duplicate,
/// swap or overwrite a chunk of bytes.
[[nodiscard]] rc::Gen<std::string> mutated_program();

}  // namespace ownmodel::gen
