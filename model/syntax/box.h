#pragma once
#include <memory>
#include <utility>

namespace ownmodel {

/// An owning pointer with value semantics: copying a Box copies the pointee and
/// `==` compares pointees. Recursive AST nodes hold their children through it, so
/// whole trees stay regular values (RapidCheck copies values while shrinking).
template <class T>
class Box {
 public:
  Box() : d_ptr(std::make_unique<T>()) {}
  Box(T value) : d_ptr(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit on purpose
  Box(const Box& other) : d_ptr(std::make_unique<T>(*other.d_ptr)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) d_ptr = std::make_unique<T>(*other.d_ptr);
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  T& operator*() { return *d_ptr; }
  const T& operator*() const { return *d_ptr; }
  T* operator->() { return d_ptr.get(); }
  const T* operator->() const { return d_ptr.get(); }

  friend bool operator==(const Box& a, const Box& b) { return *a.d_ptr == *b.d_ptr; }

 private:
  // Never null, except in a moved-from Box, which is only assigned to or destroyed.
  std::unique_ptr<T> d_ptr;
};

}  // namespace ownmodel
