namespace Ramp.Runs;

/// <summary>One diagnosis of a run, as listed in <c>summary.json</c>.</summary>
/// <param name="Name"><c>explosion</c>, <c>vanishing</c>, <c>nonfinite</c>, <c>dead_relu</c> or <c>stuck_loss</c>.</param>
/// <param name="Layer">The layer where it shows first or most, or null for the whole model.</param>
/// <param name="FromStep">The first step at which it was seen.</param>
/// <param name="Message">What was seen, in plain words.</param>
/// <param name="Fix">The likely fix, in plain words.</param>
public sealed record Finding(string Name, string? Layer, long FromStep, string Message, string Fix)
{
    /// <summary>The finding in a few words, with its layer: <c>vanishing in fc1 from step 40</c> (the console's end-of-run line).</summary>
    public string Headline() => Layer is null ? $"{Name} from step {FromStep}" : $"{Name} in {Layer} from step {FromStep}";
}
