using System.Text;
using Backoffice.Core.Reference;
using Backoffice.Core.Scenarios;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Scenarios;

/// <summary>The scenario arithmetic on lines computed by hand (README, "Scenario report").</summary>
public sealed class ScenarioModelTests
{
    private static readonly Dictionary<string, long> Tariffs = new(StringComparer.Ordinal)
    {
        ["ARR-3-4-ONT-PLUS"] = 50000,
        ["ARR-5-ONT-GEM"] = 60000,
        ["ARR-3-4-ONT-GEM"] = 40000,
        ["ARR-5-BEH-PLUS"] = 70000,
        ["ARR-3-4-BEH-PLUS"] = 45000,
        ["ARR-5-BEH-GEM"] = 55000,
        ["ARR-3-4-BEH-GEM"] = 30000,
        ["ARR-1-2-ONT-PLUS"] = 58500,
        ["ARR-1-2-BEH-GEM"] = 26000,
    };

    private static readonly ScenarioLine FivePlus = new("42420001", "02M17", "ARR-5-ONT-PLUS", new DateOnly(2026, 3, 1), 1, "82", 80000);

    private static ScenarioModel Model(string json) =>
        new(ScenarioDefinition.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))), (_, cell, _) => Tariffs.TryGetValue(cell, out var t) ? t : null);

    [Test]
    public void A_movement_is_one_step_on_one_dimension()
    {
        var cell = ArrangementCell.Parse("ARR-5-ONT-PLUSPLUS")!;
        Assert.That(cell.FewerResultAreas()!.Code, Is.EqualTo("ARR-3-4-ONT-PLUSPLUS"));
        Assert.That(cell.LessIntensive()!.Code, Is.EqualTo("ARR-5-ONT-PLUS"));
        Assert.That(cell.ToSupporting()!.Code, Is.EqualTo("ARR-5-BEH-PLUSPLUS"));
        Assert.That(ArrangementCell.Parse("ARR-1-2-BEH-GEM")!.FewerResultAreas(), Is.Null);
        Assert.That(ArrangementCell.Parse("ARR-1-2-BEH-GEM")!.LessIntensive(), Is.Null);
        Assert.That(ArrangementCell.Parse("ARR-1-2-BEH-GEM")!.ToSupporting(), Is.Null);
        Assert.That(ArrangementCell.Parse("IWO-GRO-ACT-INT")!.FewerResultAreas()!.LessIntensive()!.ToSupporting()!.Code, Is.EqualTo("IWO-GEM-OND-PLUS"));
    }

    [Test]
    public void Every_share_zero_gives_exactly_what_was_paid_at_every_stage()
    {
        var replay = Model("""{ "name": "zero" }""").Replay(FivePlus with { AmountCents = 80001 });
        Assert.That(replay.AfterStage, Is.All.EqualTo(80001m));
        Assert.That(replay.MovedAtStage, Is.All.EqualTo(0m));
        Assert.That(replay.Final, Is.EqualTo(new[] { ("ARR-5-ONT-PLUS", 1m, 80001m) }));
    }

    [Test]
    public void Movements_apply_in_order_each_to_what_the_one_before_left()
    {
        var replay = Model("""
            {
              "name": "hand",
              "movements": {
                "fewerResultAreas": { "share": 0.5 },
                "lessIntensive": { "share": 0.5 },
                "activatingToSupporting": { "share": 0.5 }
              },
              "tariffs": { "*": { "percent": 2 } }
            }
            """).Replay(FivePlus);

        // fewer: 0.5 stays at 80,000, 0.5 to 3-4-ONT-PLUS at 50,000            -> 65,000
        // less:  each half splits: 0.25 x (80,000 + 50,000 + 60,000 + 40,000)   -> 57,500
        // voorliggend veld and into-model move nothing                         -> 57,500
        // activating to supporting: each quarter splits: 0.125 x 230,000 + 0.125 x (70,000 + 45,000 + 55,000 + 30,000) -> 53,750
        // tariffs +2 %: 53,750 x 1.02                                          -> 54,825
        Assert.That(replay.AfterStage, Is.EqualTo(new[] { 80000m, 80000m, 65000m, 57500m, 57500m, 57500m, 53750m, 54825m }));
        Assert.That(replay.MovedAtStage, Is.EqualTo(new[] { 0m, 0m, 0.5m, 0.5m, 0m, 0m, 0.5m, 0m }));
        Assert.That(replay.Final.Select(f => f.Target), Is.EqualTo(new[]
        {
            "ARR-3-4-BEH-GEM", "ARR-3-4-BEH-PLUS", "ARR-3-4-ONT-GEM", "ARR-3-4-ONT-PLUS", "ARR-5-BEH-GEM", "ARR-5-BEH-PLUS", "ARR-5-ONT-GEM", "ARR-5-ONT-PLUS",
        }));
        Assert.That(replay.Final.Sum(f => f.Share), Is.EqualTo(1m));
        Assert.That(replay.Final.Single(f => f.Target == "ARR-5-ONT-PLUS").Cents, Is.EqualTo(0.125m * 80000 * 1.02m));
    }

    [Test]
    public void A_credit_is_replayed_as_the_mirror_of_its_debit()
    {
        var model = Model("""{ "name": "m", "movements": { "fewerResultAreas": { "share": 0.5 } } }""");
        Assert.That(model.Replay(FivePlus with { AmountCents = -80000 }).AfterStage, Is.EqualTo(model.Replay(FivePlus).AfterStage.Select(a => -a)));
    }

    [Test]
    public void Translation_voorliggend_veld_and_into_model_on_products_outside_the_model()
    {
        var model = Model("""
            {
              "name": "products",
              "translate": { "02A01": "ARR-1-2-ONT-PLUS" },
              "movements": {
                "voorliggendVeld": { "cells": { "ARR-1-2-ONT-PLUS": 0.2 } },
                "intoModel": { "share": 0.25, "targets": { "07A01": "ARR-1-2-BEH-GEM" } }
              }
            }
            """);

        // 24 hours of 02A01 at 64.80: translated to one arrangement-month at 585.00, then 20 % to the voorliggend veld: 0.8 x 58,500.
        var hours = model.Replay(new ScenarioLine("42420001", "02A01", null, new DateOnly(2026, 3, 1), 24, "04", 155520));
        Assert.That(hours.AfterStage, Is.EqualTo(new[] { 155520m, 58500m, 58500m, 58500m, 46800m, 46800m, 46800m, 46800m }));
        Assert.That(hours.Final, Is.EqualTo(new[] { ("ARR-1-2-ONT-PLUS", 0.8m, 46800m), (ScenarioModel.OutOfModel, 0.2m, 0m) }));

        // Day care outside the model: a quarter into 1-2-BEH-GEM at 260.00: 0.75 x 10,000 + 0.25 x 26,000.
        var dayCare = model.Replay(new ScenarioLine("42420001", "07A01", null, new DateOnly(2026, 3, 1), 8, "16", 10000));
        Assert.That(dayCare.AfterStage[^1], Is.EqualTo(14000m));
    }

    [Test]
    public void A_cell_without_any_tariff_is_named_not_priced_at_zero()
    {
        var model = Model("""{ "name": "m", "movements": { "lessIntensive": { "share": 0.1 } } }""");
        var refused = Assert.Throws<ScenarioException>(() => model.Replay(FivePlus with { ProductCode = "10I02", ArrangementCode = "IWO-BEP-ACT-PLUS" }));
        Assert.That(refused!.Message, Does.Contain("no contract tariff for IWO-BEP-ACT-GEM on 2026-03-01"));
    }

    [TestCase("""{ "name": "x", "movements": { "lessIntensive": { "share": 1.5 } } }""", "movements.lessIntensive.share: 1.5 is not a share between 0 and 1")]
    [TestCase("""{ "name": "x", "movements": { "fewerResultAreas": { "cells": { "02A01": 0.1 } } } }""", "movements.fewerResultAreas.cells.02A01: '02A01' is not an arrangement cell")]
    [TestCase("""{ "name": "x", "translate": { "02A01": "ARR-9-BEH-GEM" } }""", "translate.02A01: 'ARR-9-BEH-GEM' is not an arrangement cell")]
    [TestCase("""{ "name": "x", "tariffs": { "*": { "percent": -100 } } }""", "tariffs.*.percent: -100 is not a change")]
    [TestCase("""{ "name": "x", "movments": {} }""", "not a scenario file at $.movments")]
    [TestCase("""{ "description": "no name" }""", "name: every scenario has a name")]
    public void A_file_that_is_not_a_scenario_says_where(string json, string reason) =>
        Assert.That(() => ScenarioDefinition.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))), Throws.TypeOf<ScenarioException>().With.Message.Contains(reason));
}
