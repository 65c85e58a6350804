#pragma once

namespace ownmodel {

/// `std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, v)`: one lambda
/// per alternative, so a new alternative fails to compile where it is not handled.
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace ownmodel
