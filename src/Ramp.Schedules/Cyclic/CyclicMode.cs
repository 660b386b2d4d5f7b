namespace Ramp.Schedules.Cyclic;

/// <summary>How the amplitude of <see cref="CyclicSchedule"/> changes from cycle to cycle.</summary>
public enum CyclicMode
{
    /// <summary>Constant amplitude.</summary>
    Triangular,

    /// <summary>Amplitude halved every cycle: <c>1 / 2 ^ cycle</c> (cycle counted from 0).</summary>
    Triangular2,

    /// <summary>Amplitude <c>gamma ^ t</c> (t the step).</summary>
    ExpRange,
}
