namespace Ramp.Schedules.Compat.Torch;

/// <summary>The amplitude policy of <see cref="CyclicLR"/> (<c>mode</c>).</summary>
public enum CyclicMode
{
    /// <summary><c>'triangular'</c>: the same amplitude every cycle.</summary>
    Triangular,

    /// <summary><c>'triangular2'</c>: the amplitude halves each cycle, <c>1 / 2^(cycle - 1)</c>.</summary>
    Triangular2,

    /// <summary><c>'exp_range'</c>: the amplitude is scaled by <c>gamma^t</c>, t counting iterations.</summary>
    ExpRange,
}
