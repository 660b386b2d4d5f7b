namespace Ramp.Training.Data;

/// <summary>The contents of an IDX unsigned-byte 3-D file: <paramref name="Count"/> images of
/// <paramref name="Rows"/> x <paramref name="Columns"/> pixels, row-major, one byte each.</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Rows per image.</param>
/// <param name="Columns">Columns per image.</param>
/// <param name="Pixels">All pixels, image after image (length Count * Rows * Columns).</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
