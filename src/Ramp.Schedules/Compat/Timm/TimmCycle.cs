namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm's restart bookkeeping, shared by the cosine, tanh and poly schedulers: which cycle i holds t, its length
/// t_i and the position t_curr in it.
/// </summary>
internal readonly record struct TimmCycle(long Index, double Length, double Position)
{
    /// <summary>
    /// cycle_mul ≠ 1: i = ⌊log_mul(1 − t/t_initial·(1 − mul))⌋, t_i = mul^i·t_initial,
    /// t_curr = t − (1 − mul^i)/(1 − mul)·t_initial; otherwise i = t // t_initial, t_i = t_initial, t_curr = t − i·t_initial.
    /// </summary>
    /// <returns>The cycle, or null when t lies past infinitely many shrinking cycles (cycle_mul &lt; 1), where timm raises a math domain
    /// error.</returns>
    public static TimmCycle? Locate(long t, long tInitial, double cycleMul)
    {
        if (cycleMul != 1)
        {
            var argument = 1 - (double)t / tInitial * (1 - cycleMul);
            if (!(argument > 0)) return null;
            var i = Math.Floor(Math.Log(argument, cycleMul));
            var mulI = Math.Pow(cycleMul, i);
            return new TimmCycle((long)i, mulI * tInitial, t - (1 - mulI) / (1 - cycleMul) * tInitial);
        }
        var index = t / tInitial;
        return new TimmCycle(index, tInitial, t - tInitial * index);
    }

    /// <summary>Python's float floor division <c>a // b</c> (b positive).</summary>
    public static double FloorDiv(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        var floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1 : floor;
    }
}
