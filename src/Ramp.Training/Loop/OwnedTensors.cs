using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// Runs code that creates tensors some long-lived object keeps (an optimizer's state loaded from a stream), so that
/// no caller's dispose scope owns them. TorchSharp registers every new tensor with the thread's current scope, and
/// SGD's <c>load_state_dict</c> re-wraps each momentum buffer (<c>to(device, disposeAfter: true)</c>): loaded inside
/// a training step's scope (a roll-back), the buffers were freed when the step ended and the next step failed.
/// </summary>
internal static class OwnedTensors
{
    /// <summary>Runs <paramref name="create"/> in a scope of its own and detaches everything it left there.</summary>
    public static void Create(Action create)
    {
        using var scope = NewDisposeScope();
        create();
        scope.Detach(scope.DisposablesView);
    }
}
