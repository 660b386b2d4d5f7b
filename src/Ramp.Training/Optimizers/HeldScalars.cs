using TorchSharp;

namespace Ramp.Training.Optimizers;

/// <summary>
/// The <see cref="Scalar"/>s of one piece of work (an optimizer step of one parameter group, a training step, an
/// evaluation), each created once and kept alive until
/// <see cref="Dispose"/>. TorchSharp turns a bare number passed to an operation into a temporary <see cref="Scalar"/>
/// that nothing references during the native call, so a collection on another thread can free it while libtorch
/// reads it ("Unknown scalar type", docs/native-libs.md). Every number the optimizers and the training loop pass
/// to torch goes through here instead.
/// </summary>
/// <remarks>
/// Values are keyed by their bits, so equal numbers share one <see cref="Scalar"/> (parameters at the same step share
/// their bias corrections) and <c>-0.0</c> stays distinct from <c>0.0</c>. Not thread-safe: one instance per step body.
/// </remarks>
internal sealed class HeldScalars : IDisposable
{
    private readonly Dictionary<long, Scalar> _held = [];

    /// <summary>The held <see cref="Scalar"/> of <paramref name="value"/> (a double), created on first use.</summary>
    /// <param name="value">Any double, NaN and infinities included.</param>
    public Scalar this[double value]
    {
        get
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            if (!_held.TryGetValue(bits, out var scalar))
            {
                scalar = value.ToScalar();
                _held.Add(bits, scalar);
            }
            return scalar;
        }
    }

    /// <summary>How many distinct values are held.</summary>
    public int Count => _held.Count;

    /// <summary>Frees every held <see cref="Scalar"/>; call it after the last operation that uses them.</summary>
    public void Dispose()
    {
        foreach (var scalar in _held.Values) scalar.Dispose();
        _held.Clear();
    }
}
