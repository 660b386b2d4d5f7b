using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Paper;

/// <summary>
/// Schedules from papers that a Python-style call can name: <c>noam(d_model, warmup_steps, factor=1.0)</c>,
/// <c>untuned_linear_warmup(beta2)</c> and <c>untuned_exponential_warmup(beta2)</c>; each is a factor of the base rate.
/// </summary>
public static class PaperCatalog
{
    /// <summary>The module prefix the paper schedules may be written with.</summary>
    public const string Module = "ramp.paper";

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("noam", ["d_model", "warmup_steps", "factor"],
            a => new Noam(a.Double("d_model"), a.Int("warmup_steps"), a.Double("factor", 1.0))),
        Entry("untuned_linear_warmup", ["beta2"], a => new UntunedLinearWarmup(a.Double("beta2"))),
        Entry("untuned_exponential_warmup", ["beta2"], a => new UntunedExponentialWarmup(a.Double("beta2"))),
    ];

    private static PeerEntry Entry(string name, string[] parameters, Func<PyArgs, Schedule> make) =>
        new("paper", name, [Module], call =>
        {
            var args = PyArgs.Bind(call, parameters);
            try
            {
                return new FactorSpec(make(args));
            }
            catch (ArgumentException error)
            {
                throw args.Invalid(error);
            }
        });
}
