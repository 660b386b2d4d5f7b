namespace Ramp.Training.Checkpoints;

/// <summary>One tensor file of a checkpoint as written: its name, its length and its SHA-256, checked before it is read.</summary>
/// <param name="Name">File name, relative to <c>checkpoints/</c>.</param>
/// <param name="Bytes">Length in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
public sealed record CheckpointFile(string Name, long Bytes, string Sha256);
