using Ramp.Runs;
using Ramp.Reports.Measures;
using Ramp.Reports.Tests.Fixtures;

namespace Ramp.Reports.Tests.Measures;

public class MeasureTests
{
    static CaseStudyMeasures Grid(TempDir tmp, MeasureOptions? options = null)
    {
        SyntheticGrid.Write(tmp.Path, layers: false);
        return Assert.Single(Measure.Compute(RunFolderReader.ReadAll([tmp.Path]), options));
    }

    [Fact]
    public void Divergence_rate_per_cell_matches_the_construction()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp);
        Assert.Equal(["no-warmup", "warmup-20", "warmup-60"], m.Arms.Select(a => a.Arm));
        Assert.Equal(SyntheticGrid.PeakLrs, m.PeakLrs);
        foreach (var arm in SyntheticGrid.Arms)
            foreach (var lr in SyntheticGrid.PeakLrs)
            {
                var expected = Enumerable.Range(1, 3).Count(s => SyntheticGrid.Diverges(arm, lr, s));
                var cell = m.Cell(arm, lr)!;
                Assert.Equal(3, cell.Runs.Count);
                Assert.Equal(expected, cell.Diverged);
                Assert.Equal(expected / 3.0, cell.DivergenceRate);
            }
    }

    [Fact]
    public void Largest_stable_peak_lr_per_arm()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp);
        Assert.Equal([0.2, 0.8, 1.6], m.Arms.Select(a => a.LargestStablePeakLr));
        // Allowing one divergence in three makes warmup-20's boundary cell (1 of 3) stable.
        Assert.Equal(1.6, Measure.CaseStudy("mlp", RunFolderReader.ReadAll([tmp.Path]), new MeasureOptions(StableRate: 0.34)).Arms[1].LargestStablePeakLr);
    }

    [Fact]
    public void Best_final_metric_and_sensitivity_use_accuracy_averaged_over_seeds()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp);
        Assert.Equal(MetricKind.Accuracy, m.Kind);
        var arm = m.Arms[0];
        var cell = arm.Cells[0];
        Assert.Equal(cell.Runs.Average(r => r.Final), cell.MeanFinal, 12);
        Assert.Equal(0.1, arm.Cells[^1].MeanFinal, 12); // diverged runs report chance accuracy
        Assert.Equal(arm.Cells.Max(c => c.MeanFinal), arm.BestFinal);
        Assert.Equal(arm.Cells.MaxBy(c => c.MeanFinal)!.PeakLr, arm.BestPeakLr);
    }

    [Fact]
    public void Steps_to_target_counts_runs_that_never_reach_it()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp, new MeasureOptions(Target: 0.5));
        foreach (var arm in m.Arms)
        {
            var diverged = arm.Cells.Sum(c => c.Diverged);
            Assert.Equal(arm.Total - diverged, arm.Reached);
            Assert.Equal((double)(arm.Total - diverged) / arm.Total, arm.ReachedFraction);
            Assert.Equal(arm.Cells.Where(c => c.MedianSteps is not null).Min(c => c.MedianSteps), arm.FastestSteps);
        }
        Assert.Null(m.Cell("no-warmup", 1.6)!.MedianSteps);
        Assert.Equal(0.5, m.Target);
    }

    [Fact]
    public void The_default_target_is_the_median_final_of_stable_runs()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp);
        var runs = RunFolderReader.ReadAll([tmp.Path]).Where(r => !Divergence.Judge(r).Diverged).ToList();
        var finals = runs.Select(r => StepsToTarget.LastSmoothed(r, MetricKind.Accuracy, 5)).Order().ToList();
        Assert.Equal(finals[finals.Count / 2], m.Target, 12);
        Assert.InRange(m.Arms.Sum(a => a.Reached), finals.Count / 2, finals.Count);
    }

    [Fact]
    public void Summary_csv_has_a_row_per_cell_and_per_arm()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp, new MeasureOptions(Target: 0.5));
        var lines = SummaryCsv.Format([m]).TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', SummaryCsv.Columns), lines[0]);
        Assert.Equal(1 + 15 + 3, lines.Length);
        Assert.Equal("cell,mlp,no-warmup,0.1,accuracy,3,0", string.Join(',', lines[1].Split(',')[..7]));
        var lastCell = lines[15].Split(',');
        Assert.Equal(["cell", "mlp", "warmup-60", "1.6"], lastCell[..4]);
        var noWarmup = lines[16].Split(',');
        Assert.Equal("arm", noWarmup[0]);
        Assert.Equal("0.2", noWarmup[Array.IndexOf(SummaryCsv.Columns, "largest_stable_peak_lr")]);
        var notReached = lines[5].Split(',');
        Assert.Equal(["", "not reached"], [notReached[Array.IndexOf(SummaryCsv.Columns, "median_steps_to_target")], notReached[^2]]);
        Assert.Equal("stable", noWarmup[^1]);
    }

    [Fact]
    public void Summary_csv_numeric_columns_hold_only_numbers_or_nothing()
    {
        using var tmp = new TempDir();
        var m = Grid(tmp, new MeasureOptions(Target: 0.5));
        var rows = SummaryCsv.Format([m]).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToList();
        string[] words = ["scope", "case_study", "arm", "metric", "target_status", "stable_status"];
        foreach (var row in rows)
            for (var i = 0; i < SummaryCsv.Columns.Length; i++)
                if (!words.Contains(SummaryCsv.Columns[i]))
                    Assert.True(row[i].Length == 0 || double.TryParse(row[i], System.Globalization.CultureInfo.InvariantCulture, out _),
                        $"{SummaryCsv.Columns[i]} = '{row[i]}'");
        Assert.Contains(rows, r => r[^2] == "not reached");
        Assert.All(rows.Where(r => r[0] == "arm"), r => Assert.Contains(r[^1], (string[])["stable", "none stable"]));
    }
}
