// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The CSV numbers: read back with an independent RFC 4180 reader and compared with the allocation.
#include "NumbersCsv.h"
#include "Allocator.h"
#include "CsvParse.h"
#include "Presets.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using namespace ef;

namespace {

Scenario startup()
{
    LoadResult loaded = loadPreset(QStringLiteral("startup"));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

} // namespace

TEST_CASE("CSV numbers read back as the same doubles, in the C locale", "[csv]")
{
    for (const double v : {0.1, 1.0 / 3.0, 33.0, -0.0009918, 8.0e-07, 1234567.891, 1e300}) {
        const std::string text = csv::number(v);
        INFO(text);
        CHECK(text.find(',') == std::string::npos);
        CHECK(std::stod(text) == v);
    }
    CHECK(csv::number(33) == "33");
    CHECK(csv::number(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(csv::number(std::nan("")) == "nan");
}

TEST_CASE("CSV text fields: RFC 4180 quoting and the formula-injection guard", "[csv]")
{
    CHECK(csv::text("Dynamic pricing") == "Dynamic pricing");
    CHECK(csv::text("Vision, onboarding") == "\"Vision, onboarding\"");
    CHECK(csv::text("the \"big\" one") == "\"the \"\"big\"\" one\"");
    CHECK(csv::text("two\nlines") == "\"two\nlines\"");
    CHECK(csv::text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv::text("+1") == "'+1");
    CHECK(csv::text("-cmd") == "'-cmd");
    CHECK(csv::text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv::text("a=b") == "a=b");
}

TEST_CASE("The allocation CSV matches the allocation, one row per project", "[csv]")
{
    Scenario scenario = startup();
    scenario.projects[0].name = "Pricing, \"dynamic\"\nfees";
    scenario.projects[1].name = "=1+1";
    const AllocationResult result = allocate(scenario, scenario.totalEffort, Method::Auto);
    REQUIRE(result.ok());
    const Allocation &a = *result.allocation;
    const auto rows = test::parseCsv(csv::allocationTable(scenario, a));
    REQUIRE(rows.size() == scenario.projects.size() + 1);
    CHECK(rows[0]
          == std::vector<std::string>{"project", "weight", "effort", "share", "accuracy", "value", "marginal_gain",
                                      "stage"});
    CHECK(rows[1][0] == scenario.projects[0].name);
    CHECK(rows[2][0] == "'=1+1");
    const std::vector<Effort> expected{33, 27, 20, 13, 7}; // MODEL.md, startup
    Effort sum = 0;
    for (std::size_t i = 0; i < scenario.projects.size(); ++i) {
        const auto &row = rows[i + 1];
        REQUIRE(row.size() == 8);
        CHECK(std::stoll(row[2]) == expected[i]);
        sum += std::stoll(row[2]);
        CHECK(std::stod(row[1]) == scenario.projects[i].weight);
        CHECK(std::stod(row[3]) == Approx(static_cast<double>(expected[i]) / 100.0));
        // Full precision: the exact doubles of the allocation, and f(effort) computed independently.
        CHECK(std::stod(row[4]) == a.projects[i].accuracy);
        CHECK(std::stod(row[4])
              == Approx(scenario.projects[i].curve.a * std::log(scenario.projects[i].curve.b * double(expected[i]))));
        CHECK(std::stod(row[5]) == a.projects[i].value);
        CHECK(std::stod(row[6]) == a.projects[i].marginal);
        CHECK(row[7] == scenario.stageNameFor(expected[i]));
    }
    CHECK(sum == scenario.totalEffort);
}

TEST_CASE("The curves CSV has every whole unit up to the total, or an even sample of a huge one", "[csv]")
{
    Scenario scenario = startup();
    auto rows = test::parseCsv(csv::curves(scenario));
    REQUIRE(rows.size() == 102); // header + efforts 0…100
    CHECK(rows[0].size() == 6);
    CHECK(rows[0][0] == "effort");
    CHECK(rows[0][1] == scenario.projects[0].name);
    CHECK(rows[1][1] == "-inf"); // a log curve at 0 units
    CHECK(rows[51][0] == "50");
    CHECK(std::stod(rows[51][3]) == scenario.projects[2].curve.value(50));

    scenario.totalEffort = 1'000'000;
    rows = test::parseCsv(csv::curves(scenario));
    REQUIRE(rows.size() == static_cast<std::size_t>(csv::kMaxCurveRows) + 1);
    CHECK(rows[1][0] == "0");
    CHECK(rows.back()[0] == "1000000");
    CHECK(rows[2][0] == "100");
}
