using System.Text.Json.Serialization;

namespace Ramp.Runs;

/// <summary>The built-in models, as <c>config.json</c>'s <c>model</c> and the <c>--model</c> option spell them.</summary>
public enum ModelName
{
    /// <summary><c>mlp</c>: a one-hidden-layer ReLU perceptron for images.</summary>
    Mlp,

    /// <summary><c>cnn</c>: a small convolutional network for images.</summary>
    Cnn,

    /// <summary><c>deep-mlp</c>: a deep ReLU perceptron with a chosen initialisation scale.</summary>
    [JsonStringEnumMemberName("deep-mlp")]
    DeepMlp,

    /// <summary><c>transformer</c>: a character-level transformer for text.</summary>
    Transformer,
}
