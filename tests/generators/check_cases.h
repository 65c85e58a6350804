#pragma once
// OWNMODEL_PROP: like RC_GTEST_PROP, but the property runs for a number of
// cases fixed in the test, so the suite's strength does not depend on
// RC_PARAMS (whose default max_success is 100). RC_PARAMS can still raise the
// count (max_success), choose the seed and max_size, and `reproduce=` replays a
// failure under the same test id `Suite/Name`.

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>

namespace ownmodel::testing {

template <class Testable>
void check_cases(int cases, Testable&& testable) {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(info->test_suite_name()) + "/" + info->name();
  metadata.description = info->name();
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  params.maxSuccess = std::max(params.maxSuccess, cases);
  const rc::detail::TestResult result = rc::detail::checkProperty(
      rc::detail::toProperty(std::forward<Testable>(testable)), metadata, params);
  if (result.template is<rc::detail::SuccessResult>()) {
    // As RC_GTEST_PROP does: show what RC_CLASSIFY / RC_TAG counted.
    if (!result.template get<rc::detail::SuccessResult>().distribution.empty()) {
      rc::detail::printResultMessage(result, std::cout);
      std::cout << std::endl;
    }
  } else {
    std::ostringstream message;
    rc::detail::printResultMessage(result, message);
    FAIL() << message.str();
  }
}

}  // namespace ownmodel::testing

#define OWNMODEL_PROP(Suite, Name, cases, ArgList)                                  \
  void ownmodel_property_##Suite##_##Name ArgList;                                  \
  TEST(Suite, Name) {                                                               \
    ::ownmodel::testing::check_cases(cases, &ownmodel_property_##Suite##_##Name);   \
  }                                                                                 \
  void ownmodel_property_##Suite##_##Name ArgList
