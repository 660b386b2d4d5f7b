using Ramp.Runs;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// The one meaning of each marker, shared by every chart of the report: a shape means the same thing wherever it
/// is drawn, and arms keep their colour (<see cref="ChartStyle.Series"/>) in every chart. Event markers use neutral
/// colours of their own so they never read as an arm.
/// </summary>
public static class ChartMarks
{
    /// <summary>A cross: the run diverged here (loss non-finite, or the run stopped as diverged).</summary>
    public const MarkerShape Diverged = MarkerShape.Eks;

    /// <summary>An up-pointing triangle on the top edge: the value is above the axis (drawn clipped).</summary>
    public const MarkerShape AboveAxis = MarkerShape.FilledTriangleUp;

    /// <summary>A down-pointing triangle on the bottom edge: the value is zero (or below the axis) on a log axis.</summary>
    public const MarkerShape ZeroOrBelow = MarkerShape.FilledTriangleDown;

    /// <summary>A hollow circle (sensitivity chart): at least one seed of the cell diverged.</summary>
    public const MarkerShape CellWithDivergence = MarkerShape.OpenCircle;

    /// <summary>Colour of guard decisions (clip, skip, roll back, re-warm).</summary>
    public static readonly Color Guard = Color.FromHex("#111827");

    /// <summary>Colour of automatic-warmup decisions (hold, back off, done, give up).</summary>
    public static readonly Color AutoWarmup = Color.FromHex("#b45309");

    /// <summary>Colour of diagnoses (explosion, vanishing, dead units, ...): findings, not actions.</summary>
    public static readonly Color Diagnosis = Color.FromHex("#9ca3af");

    /// <summary>What an event kind is called in legends: "guard decision", "auto-warmup decision" or "diagnosis".</summary>
    public static string KindName(EventKind kind) => kind switch
    {
        EventKind.Guard => "guard decision",
        EventKind.AutoWarmup => "auto-warmup decision",
        EventKind.Diagnosis => "diagnosis",
        _ => RunJson.Name(kind).Replace('_', ' '),
    };

    /// <summary>The marker of an event: colour by kind, shape by name (one shape per name within a kind).</summary>
    public static (MarkerShape Shape, Color Color) Event(EventKind kind, string name)
    {
        var color = kind switch { EventKind.Guard => Guard, EventKind.AutoWarmup => AutoWarmup, _ => Diagnosis };
        var shape = name switch
        {
            "clip" or "hold" => MarkerShape.FilledSquare,
            "skip" or "back_off" => MarkerShape.FilledDiamond,
            "rollback" or "give_up" => MarkerShape.OpenSquare,
            "rewarm" or "done" => MarkerShape.OpenDiamond,
            _ => kind == EventKind.Diagnosis ? MarkerShape.Asterisk : MarkerShape.Cross,
        };
        return (shape, color);
    }
}
