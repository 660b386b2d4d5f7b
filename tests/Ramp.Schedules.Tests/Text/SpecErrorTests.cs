using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Text;

/// <summary>
/// Spec errors that help (issue 9, item 7): the nearest names whatever the module prefix, columns into the text as
/// typed, an unclosed bracket named with where it opened, and unsupported peers with why and what to write instead.
/// </summary>
public class SpecErrorTests
{
    public static TheoryData<string, string, string, string> Misspelt => new()
    {
        { "torch.optim.lr_scheduler.CosineAnealingLR(optimizer, T_max=10)", "CosineAnealingLR",
            "unknown scheduler 'CosineAnealingLR' in 'torch.optim.lr_scheduler'", "CosineAnnealingLR" },
        { "optax.cosine_decay_schedul(1.0, 100)", "cosine_decay_schedul",
            "unknown scheduler 'cosine_decay_schedul' in 'optax'", "cosine_decay_schedule" },
        { "transformers.get_cosine_schedul_with_warmup(optimizer, 10, 100)", "get_cosine_schedul_with_warmup",
            "unknown scheduler 'get_cosine_schedul_with_warmup' in 'transformers'", "get_cosine_schedule_with_warmup" },
        { "  lr_scheduler.StepLr(optimizer, 30)", "StepLr", "unknown scheduler 'StepLr' in 'lr_scheduler'", "StepLR" },
    };

    [Theory]
    [MemberData(nameof(Misspelt))]
    public void A_misspelt_peer_name_gets_its_nearest_names_at_its_column(string text, string typed, string problem, string nearest)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(nearest, error.Suggestions[0]);
        Assert.Equal(text.IndexOf(typed, StringComparison.Ordinal), error.Position);
        Assert.StartsWith($"at column {text.IndexOf(typed, StringComparison.Ordinal) + 1}: {problem} (did you mean '{nearest}'",
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warmup(100 >> cosine(900)", 6, "the '(' opened here is never closed: add ')'")]
    [InlineData("StepLR(step_size=30", 6, "the '(' opened here is never closed: add ')'")]
    [InlineData("multistep([100, 200)", 19, "')' does not close the '[' opened at column 11 (expected ']')")]
    [InlineData("warmup(10)) >> cosine(90)", 10, "')' has no matching '(' before it")]
    [InlineData("optax.join_schedules([optax.constant_schedule(1.0), boundaries=[]", 21,
        "the '[' opened here is never closed: add ']'")]
    public void An_unclosed_bracket_says_which_and_where_it_opened(string text, int position, string problem)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("LambdaLR(optimizer, lr_lambda=f)", 0, "LambdaLR is not supported: its factor is a Python function")]
    [InlineData("torch.optim.lr_scheduler.MultiplicativeLR(optimizer, f)", 25,
        "MultiplicativeLR is not supported: it multiplies the rate by a Python function's value")]
    [InlineData("LambdaLR(optimizer, lr_lambda=lambda epoch: 0.95 ** epoch)", 30, "a Python lambda cannot be run here")]
    public void An_unsupported_peer_says_why_and_what_to_write_instead(string text, int position, string problem)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains("native text", error.Problem, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void MultiplicativeLR_points_to_ExponentialLR()
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse("MultiplicativeLR(optimizer, f)"));
        Assert.Contains("ExponentialLR(gamma=...)", error.Problem, StringComparison.Ordinal);
    }
}
