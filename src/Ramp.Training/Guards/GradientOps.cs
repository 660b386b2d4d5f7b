using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Guards;

/// <summary>
/// The guards that act on gradients, done on the device without reading anything back: each returns a 0/1
/// tensor saying whether it rescaled anything.
/// </summary>
public static class GradientOps
{
    /// <summary>
    /// Clipping by global norm: multiplies every gradient by <c>min(1, maxNorm / (norm + 1e-6))</c>, where
    /// <paramref name="norm"/> is the global gradient norm (a scalar tensor).
    /// </summary>
    public static Tensor ClipGlobalNorm(IEnumerable<Parameter> parameters, Tensor norm, double maxNorm)
    {
        using var _ = no_grad();
        using var coefficient = (maxNorm / (norm + 1e-6)).clamp_max(1.0);
        // One cast per dtype, not per parameter: on a small model each torch call costs as much as the arithmetic.
        Tensor? cast = null;
        foreach (var p in parameters)
        {
            if (p.grad is not { } g) continue;
            if (cast is null || cast.dtype != g.dtype || cast.device_type != g.device_type || cast.device_index != g.device_index) cast = coefficient.to(g.dtype, g.device);
            g.mul_(cast);
        }
        return norm > maxNorm;
    }

    /// <summary>Scales every gradient so the global norm goes from <paramref name="norm"/> to <paramref name="target"/> (ZClip).</summary>
    public static void ScaleTo(IEnumerable<Parameter> parameters, double norm, double target)
    {
        using var _ = no_grad();
        var factor = target / norm;
        foreach (var p in parameters)
            p.grad?.mul_(factor);
    }

    /// <summary>
    /// Unit-wise adaptive gradient clipping (NFNets): for each unit (the slice along dimension 0 of a weight; each
    /// element of a vector) with <c>||G_i|| &gt; lambda * max(||W_i||, eps)</c>, rescales <c>G_i</c> to that bound.
    /// </summary>
    public static Tensor Agc(IEnumerable<Parameter> parameters, AgcOptions options)
    {
        using var _ = no_grad();
        var any = zeros(1, dtype: @bool).reshape();
        foreach (var p in parameters)
        {
            if (p.grad is not { } g) continue;
            using var scope = NewDisposeScope();
            var dims = Enumerable.Range(1, (int)p.dim() - 1).Select(d => (long)d).ToArray();
            var w = p.detach();
            var weightNorm = (dims.Length == 0 ? w.abs() : w.square().sum(dims, keepdim: true).sqrt()).clamp_min(options.Eps);
            var gradNorm = dims.Length == 0 ? g.abs() : g.square().sum(dims, keepdim: true).sqrt();
            var bound = weightNorm * options.Lambda;
            var trigger = gradNorm > bound;
            var scaled = g * (bound / gradNorm.clamp_min(1e-6));
            g.copy_(where(trigger, scaled, g));
            var hit = trigger.any();
            any.logical_or_(hit);
        }
        return any;
    }
}
