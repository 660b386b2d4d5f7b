namespace Ramp.Training.Checkpoints;

/// <summary>A checkpoint file is missing, cut short, altered or from another model: the message names the file and what is wrong.</summary>
public sealed class CheckpointDamagedException : IOException
{
    /// <summary>Creates the error for <paramref name="file"/> (full path) with <paramref name="problem"/> in plain words.</summary>
    public CheckpointDamagedException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The damaged file.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
