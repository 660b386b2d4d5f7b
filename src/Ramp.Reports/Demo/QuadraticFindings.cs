using System.Globalization;

namespace Ramp.Reports.Demo;

/// <summary>
/// The demo's statements, each computed from the simulated runs the charts draw, so the page (and docs/demo.md,
/// which a test holds to them) can only say what the numbers show.
/// </summary>
public static class QuadraticFindings
{
    /// <summary>The statements about <paramref name="q"/> over <paramref name="window"/> steps with a <paramref name="warmup"/>-step
    /// warmup.</summary>
    public static IReadOnlyList<string> For(Quadratic q, int window, int warmup)
    {
        ArgumentNullException.ThrowIfNull(q);
        var s = new List<string>();
        var below = QuadraticDemo.Fractions.Where(f => f < 1).ToList();
        var converged = below.Count(f => Converges(q, f * q.Limit, 0, window) && Converges(q, f * q.Limit, warmup, window));
        s.Add(converged == below.Count
            ? $"{q.Name}: below the limit 2/L = {N(q.Limit)} every run ends its {window} steps below its starting loss, with or " +
                "without warmup."
            : $"{q.Name}: below the limit 2/L = {N(q.Limit)}, {converged} of {below.Count} learning rates end their {window} steps below " +
                "their starting loss both with and without warmup.");
        foreach (var f in QuadraticDemo.Fractions.Where(f => f > 1))
        {
            var lr = f * q.Limit;
            var plain = DescentOutcome.Of(q, lr, 0, window);
            var warmed = DescentOutcome.Of(q, lr, warmup, window);
            s.Add($"At {N(f)} × 2/L (lr {N(lr)}) without warmup the loss is above its start after step {Step(plain.AboveStartAt)}" +
                  (double.IsPositiveInfinity(plain.End) ? $" and passes {Quadratic.Ceiling:0e0} within the {window} steps shown."
                      : $" and is {E(plain.End)} at step {window}."));
            s.Add(warmed.MinStep == window
                ? $"With a {warmup}-step warmup to the same peak the loss is still falling at step {window}, the last " +
                    $"shown: {E(warmed.End)}."
                : $"With a {warmup}-step warmup to the same peak the loss first falls to {E(warmed.Min)} (step {warmed.MinStep}) and " +
                    $"is {E(warmed.End)} " +
                  $"at step {window}, the last shown, {(warmed.Rising ? "rising" : "falling again")}.");
            s.Add(warmed.AboveStartAt is { } back
                ? $"Past 2/L the stiffest direction grows by {N(warmed.Growth)} a step, so this run is back above its starting loss " +
                    $"after step {back}: " +
                  $"warmup delays the blow-up by {back - (plain.AboveStartAt ?? 0)} steps here but does not prevent it, because a " +
                      "quadratic's curvature never falls."
                : $"Within {DescentOutcome.Horizon} steps the warmed-up run never returns above its starting loss.");
        }
        return s;
    }

    /// <summary>The statements of both problems, in the page's order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. For(QuadraticDemo.Parabola, QuadraticDemo.ParabolaSteps, QuadraticDemo.ParabolaWarmup),
         .. For(QuadraticDemo.IllConditioned, QuadraticDemo.IllConditionedSteps, QuadraticDemo.IllConditionedWarmup)];

    private static bool Converges(Quadratic q, double lr, int warmup, int window) =>
        DescentOutcome.Of(q, lr, warmup, window).End < q.Loss(q.Start);

    private static string Step(int? step) => step is { } v ? v.ToString(CultureInfo.InvariantCulture) : "(never)";

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string E(double v) => double.IsPositiveInfinity(v) ? "blown up" : v.ToString("0.#e0", CultureInfo.InvariantCulture);
}
