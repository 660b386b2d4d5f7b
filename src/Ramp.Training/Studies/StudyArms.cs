namespace Ramp.Training.Studies;

/// <summary>
/// The arms the presets share, as templates (<see cref="ScheduleTemplate"/>): in a decay template the name
/// <c>rest</c> (inside braces) stands for the steps left after each arm's warmup, e.g. <c>cosine({rest})</c>.
/// </summary>
public static class StudyArms
{
    /// <summary>The no-warmup reference arm's name (Ramp.Reports recognises it as "no warmup").</summary>
    public const string None = "none";

    /// <summary>The automatic-warmup arm's name.</summary>
    public const string Auto = "auto";

    /// <summary>The no-warmup arm guarded by ZClip and skip-step.</summary>
    public const string Guarded = "zclip-skip";

    /// <summary>
    /// The decay after a warmup of <paramref name="warmup"/> (a template expression, e.g. <c>epoch/2</c> or <c>100</c>):
    /// <paramref name="decay"/> with the name <c>rest</c> replaced by <c>(steps - (warmup))</c>.
    /// </summary>
    public static string After(string decay, string warmup) =>
        System.Text.RegularExpressions.Regex.Replace(decay, @"\brest\b", $"(steps - ({warmup}))");

    /// <summary>No warmup: the decay over the whole run.</summary>
    public static StudyArm NoWarmup(string decay) => new(None, After(decay, "0"));

    /// <summary>A linear warmup over <paramref name="warmup"/> steps (template expression), then the decay.</summary>
    public static StudyArm Linear(string warmup, string decay) =>
        new($"warmup-{{{warmup}}}", $"warmup({{{warmup}}}) >> {After(decay, warmup)}");

    /// <summary>Ma and Yarats' untuned linear warmup over 2/(1-beta2) steps (<c>adam_warmup</c>), then the decay.</summary>
    public static StudyArm Untuned(double beta2, string decay)
    {
        var steps = (long)Math.Ceiling(2 / (1 - beta2) - 1e-9);
        var b = beta2.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return new StudyArm($"untuned-{steps}", $"adam_warmup(beta2={b}) " +
            $">> {After(decay, steps.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }

    /// <summary>RAdam without warmup (its rectification is a built-in warmup).</summary>
    public static StudyArm RAdam(string decay) => new("radam", After(decay, "0"), Optimizer: "radam");

    /// <summary>No warmup, guarded by ZClip and skip-step: can spike tooling replace warmup?</summary>
    public static StudyArm ZClipSkip(string decay) => new(Guarded, After(decay, "0"), Guards: ["zclip", "skip"]);

    /// <summary>
    /// Automatic warmup (<c>auto(...)</c>), then the decay. Optional: a build without the <c>auto</c> spec leaves
    /// the arm out with a note.
    /// </summary>
    public static StudyArm AutoWarmup(string decay) => new(Auto, $"auto() >> {After(decay, "0")}", Optional: true);
}
