namespace Ramp.Cli;

/// <summary>Entry point of the <c>ramp</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the exit code (0 success, 2 user mistake, 1 failure).</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("ramp: no commands yet");
        return args.Length == 0 ? 2 : 2;
    }
}
