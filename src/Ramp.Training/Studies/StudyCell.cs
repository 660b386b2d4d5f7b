using System.Globalization;
using System.Text;

namespace Ramp.Training.Studies;

/// <summary>
/// One run of a grid: an arm at a peak learning rate with a seed, its placeholders filled. Its folder is
/// <c>DIR/runs/<see cref="RunId"/></c>.
/// </summary>
/// <param name="Grid">The grid it belongs to.</param>
/// <param name="Arm">The arm, with its name and schedule expanded.</param>
/// <param name="PeakLr">The peak learning rate.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Steps">The run's length in steps.</param>
/// <param name="Index">Its position in the whole expanded grid (what shards split on).</param>
public sealed record StudyCell(StudyGrid Grid, StudyArm Arm, double PeakLr, int Seed, long Steps, int Index)
{
    /// <summary>
    /// The run folder's name: case study, arm, peak and seed, e.g. <c>fmnist-sgd__warmup-58__lr0.4__s1</c>;
    /// characters other than letters, digits, <c>.-_</c> become <c>_</c>.
    /// </summary>
    public string RunId => Safe($"{Grid.CaseStudy}__{Arm.Name}__lr{PeakLr.ToString("R", CultureInfo.InvariantCulture)}__s{Seed}");

    /// <summary>The optimizer this cell uses: the grid's, renamed when the arm swaps it, with GI-Adam when the arm asks.</summary>
    public OptimizerSettings Optimizer => Grid.Optimizer with
    {
        Name = Arm.Optimizer ?? Grid.Optimizer.Name,
        GradientInit = Grid.Optimizer.GradientInit || Arm.GradientInit,
    };

    /// <summary>The optimizer's base learning rate: <see cref="PeakLr"/> times the arm's <see cref="StudyArm.LrScale"/>.</summary>
    public double Lr => PeakLr * Arm.LrScale;

    /// <summary>A one-line description for progress output.</summary>
    public override string ToString() =>
        $"{Grid.CaseStudy} {Arm.Name} lr {PeakLr.ToString("G4", CultureInfo.InvariantCulture)} seed {Seed}";

    private static string Safe(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.ToString();
    }
}
