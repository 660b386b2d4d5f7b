namespace Ramp.Cli.Tests;

/// <summary>Shape of <c>ramp lr</c>'s CSV and its handling of metrics files.</summary>
public sealed class LrCommandTests
{
    private const string StepLr = "torch.optim.lr_scheduler.StepLR(step_size=2, gamma=0.5)";
    private const string OneCycle = "torch.optim.lr_scheduler.OneCycleLR(max_lr=1.0, total_steps=20)";
    private const string Plateau = "torch.optim.lr_scheduler.ReduceLROnPlateau(patience=0, factor=0.5)";

    [Theory]
    [InlineData(1, false, "step,lr")]
    [InlineData(3, false, "step,lr0,lr1,lr2")]
    [InlineData(1, true, "step,lr,momentum")]
    [InlineData(2, true, "step,lr0,lr1,momentum0,momentum1")]
    public void Header_names_one_column_per_group(int groups, bool momentum, string expected) =>
        Assert.Equal(expected, Commands.LrCommand.Header(groups, momentum));

    [Fact]
    public void One_group_prints_step_and_lr_in_round_trip_form()
    {
        var run = CliRun.Of("lr", StepLr, "--steps", "5", "--base-lr", "0.1");

        Assert.Equal(0, run.Code);
        Assert.Equal(["step,lr", "0,0.1", "1,0.1", "2,0.05", "3,0.05", "4,0.025"], run.OutLines);
    }

    [Fact]
    public void Default_base_lr_is_one()
    {
        var run = CliRun.Of("lr", StepLr, "--steps", "3");

        Assert.Equal(["step,lr", "0,1", "1,1", "2,0.5"], run.OutLines);
    }

    [Fact]
    public void Several_groups_get_numbered_columns()
    {
        var run = CliRun.Of("lr", StepLr, "--steps", "3", "--base-lr", "0.1,0.02");

        Assert.Equal(["step,lr0,lr1", "0,0.1,0.02", "1,0.1,0.02", "2,0.05,0.01"], run.OutLines);
    }

    [Fact]
    public void Momentum_columns_follow_the_lr_columns_for_each_group()
    {
        var run = CliRun.Of("lr", OneCycle, "--steps", "20", "--base-lr", "0.1,0.2");

        Assert.Equal(0, run.Code);
        var (header, rows) = run.Csv();
        Assert.Equal(["step", "lr0", "lr1", "momentum0", "momentum1"], header);
        Assert.Equal(20, rows.Length);
        // OneCycle starts at max_lr / 25 with momentum at its maximum (0.95) and cycles it down at the peak.
        Assert.Equal(0.04, rows[0][1], 12);
        Assert.Equal(0.95, rows[0][3], 12);
        Assert.True(rows.Min(r => r[3]) < 0.86);
    }

    [Fact]
    public void Metrics_drive_a_plateau_rule()
    {
        var metrics = TempFile.With(["1.0", "# comment lines are skipped", "2.0", "3.0"]);

        var run = CliRun.Of("lr", Plateau, "--steps", "4", "--base-lr", "0.1", "--metrics", metrics);

        Assert.True(run.Code == 0, run.Err);
        // patience 0: each observation worse than the best halves the rate for the following steps.
        Assert.Equal(["step,lr", "0,0.1", "1,0.1", "2,0.05", "3,0.025"], run.OutLines);
    }

    [Fact]
    public void Bad_metrics_line_names_file_and_line()
    {
        var metrics = TempFile.With(["1.0", "0.5", "loss=0.3"]);

        var run = CliRun.Of("lr", Plateau, "--steps", "4", "--metrics", metrics);

        Assert.Equal(2, run.Code);
        Assert.Equal([$"ramp: {metrics}:3: expected one number per line but found 'loss=0.3'"], run.ErrLines);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Missing_metrics_file_is_a_user_error()
    {
        var missing = Path.Combine(TempFile.Folder(), "absent.txt");

        var run = CliRun.Of("lr", Plateau, "--steps", "4", "--metrics", missing);

        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.ErrLines);
        Assert.StartsWith($"ramp: {missing}: cannot read metrics file", line);
    }
}
