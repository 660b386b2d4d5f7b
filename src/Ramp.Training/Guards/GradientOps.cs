using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Guards;

/// <summary>
/// The guards that act on gradients, done on the device without reading anything back: each returns a 0/1
/// tensor saying whether it rescaled anything.
/// </summary>
/// <remarks>
/// Every number passed to torch goes through a <see cref="TorchSharp.Scalar"/> held in a local until the call has
/// returned. TorchSharp 0.107 converts a bare <c>double</c> into a temporary Scalar that nothing references during the
/// native call; a garbage collection started by another thread then lets the finalizer delete it while libtorch
/// reads it ("Unknown scalar type", internal asserts, or a wrong value). Temporary tensors are kept in a scope for
/// the same reason.
/// </remarks>
public static class GradientOps
{
    /// <summary>
    /// Clipping by global norm: multiplies every gradient by <c>min(1, maxNorm / (norm + 1e-6))</c>, where
    /// <paramref name="norm"/> is the global gradient norm (a scalar tensor).
    /// </summary>
    public static Tensor ClipGlobalNorm(IEnumerable<Parameter> parameters, Tensor norm, double maxNorm)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        // Scalars held in locals, never implicit conversions (add(Scalar) alone passes an implicit alpha): see the remarks.
        using var max = maxNorm.ToScalar();
        using var epsilon = 1e-6.ToScalar();
        using var one = 1.0.ToScalar();
        var coefficient = norm.add(epsilon, one).reciprocal().mul(max).clamp_max(one);
        // One cast per dtype, not per parameter: on a small model each torch call costs as much as the arithmetic.
        Tensor? cast = null;
        foreach (var p in parameters)
        {
            if (p.grad is not { } g) continue;
            if (cast is null || cast.dtype != g.dtype || cast.device_type != g.device_type || cast.device_index != g.device_index)
                cast = coefficient.to(g.dtype, g.device);
            g.mul_(cast);
        }
        return norm.gt(max).MoveToOuterDisposeScope();
    }

    /// <summary>Scales every gradient so the global norm goes from <paramref name="norm"/> to <paramref name="target"/> (ZClip).</summary>
    public static void ScaleTo(IEnumerable<Parameter> parameters, double norm, double target)
    {
        using var _ = no_grad();
        using var factor = (target / norm).ToScalar();
        foreach (var p in parameters)
        {
            using var g = p.grad;
            g?.mul_(factor);
        }
    }

    /// <summary>
    /// Unit-wise adaptive gradient clipping (NFNets): for each unit (the slice along dimension 0 of a weight; each
    /// element of a vector) with <c>||G_i|| &gt; lambda * max(||W_i||, eps)</c>, rescales <c>G_i</c> to that bound.
    /// Returns the number of units rescaled (an int64 scalar on the device).
    /// </summary>
    public static Tensor Agc(IEnumerable<Parameter> parameters, AgcOptions options)
    {
        using var _ = no_grad();
        using var eps = options.Eps.ToScalar();
        using var lambda = options.Lambda.ToScalar();
        using var floor = 1e-6.ToScalar();
        using var one = 1.ToScalar();
        Tensor? count = null;
        foreach (var p in parameters)
        {
            using var scope = NewDisposeScope();
            if (p.grad is not { } g) continue;
            var dims = Enumerable.Range(1, (int)p.dim() - 1).Select(d => (long)d).ToArray();
            var w = p.detach();
            // x * x, not square(): TorchSharp's square() is pow(2) with an implicit Scalar.
            var weightNorm = (dims.Length == 0 ? w.abs() : w.mul(w).sum(dims, keepdim: true).sqrt()).clamp_min(eps);
            var gradNorm = dims.Length == 0 ? g.abs() : g.mul(g).sum(dims, keepdim: true).sqrt();
            var bound = weightNorm.mul(lambda);
            var trigger = gradNorm > bound;
            var scaled = g * (bound / gradNorm.clamp_min(floor));
            g.copy_(where(trigger, scaled, g));
            var hits = trigger.sum();
            if (count is null) count = hits.MoveToOuterDisposeScope();
            else count.add_(hits, one);
        }
        return count ?? zeros(1, dtype: int64).reshape();
    }
}
