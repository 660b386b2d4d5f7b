namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// How many holds and back-offs each gate caused during an automatic warmup (a value: <see cref="Add"/> returns the
/// next tally). Kept in <see cref="AutoWarmupState"/>, so it survives checkpoints and resumes.
/// </summary>
/// <param name="NonFinite">Decisions caused by the <c>non-finite</c> gate.</param>
/// <param name="UpdateRatio">Decisions caused by the <c>update-ratio</c> gate.</param>
/// <param name="Catapult">Decisions caused by the <c>catapult</c> gate.</param>
/// <param name="LossZ">Decisions caused by the <c>loss-z</c> gate.</param>
/// <param name="GradNorm">Decisions caused by the <c>grad-norm</c> gate.</param>
public sealed record GateTally(int NonFinite = 0, int UpdateRatio = 0, int Catapult = 0, int LossZ = 0, int GradNorm = 0)
{
    /// <summary>The gates' names, as in events and in <see cref="GateVerdict.Gate"/>, in order of precedence.</summary>
    public static readonly IReadOnlyList<string> Gates = ["non-finite", "update-ratio", "catapult", "loss-z", "grad-norm"];

    /// <summary>The tally with one more decision caused by <paramref name="gate"/> (unknown names are not counted).</summary>
    public GateTally Add(string gate) => gate switch
    {
        "non-finite" => this with { NonFinite = NonFinite + 1 },
        "update-ratio" => this with { UpdateRatio = UpdateRatio + 1 },
        "catapult" => this with { Catapult = Catapult + 1 },
        "loss-z" => this with { LossZ = LossZ + 1 },
        "grad-norm" => this with { GradNorm = GradNorm + 1 },
        _ => this,
    };

    /// <summary>The count of <paramref name="gate"/>.</summary>
    public int this[string gate] => gate switch
    {
        "non-finite" => NonFinite,
        "update-ratio" => UpdateRatio,
        "catapult" => Catapult,
        "loss-z" => LossZ,
        "grad-norm" => GradNorm,
        _ => 0,
    };

    /// <summary>The gates that caused decisions, most first (ties in order of precedence).</summary>
    public IReadOnlyList<(string Gate, int Count)> Ranked() =>
        Gates.Select(g => (Gate: g, Count: this[g])).Where(p => p.Count > 0).OrderByDescending(p => p.Count).ToArray();
}
