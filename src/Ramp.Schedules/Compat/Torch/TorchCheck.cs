namespace Ramp.Schedules.Compat.Torch;

/// <summary>Constructor checks with messages in PyTorch's own parameter names.</summary>
internal static class TorchCheck
{
    public static long Positive(long value, string name, string who, string peerName) =>
        value > 0 ? value : throw new ScheduleArgumentException(name, value, $"{who}: {peerName} must be positive but was {value}");

    public static long NotNegative(long value, string name, string who, string peerName) =>
        value >= 0 ? value : throw new ScheduleArgumentException(name, value, $"{who}: {peerName} must be at least 0 but was {value}");

    public static double Positive(double value, string name, string who, string peerName) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ScheduleArgumentException(name, value, $"{who}: {peerName} must be positive and finite but was {value}");

    public static double Finite(double value, string name, string who, string peerName) =>
        double.IsFinite(value) ? value : throw new ScheduleArgumentException(name, value,
            $"{who}: {peerName} must be finite but was {value}");

    public static double InRange(double value, double low, double high, string name, string who, string peerName) =>
        value >= low && value <= high
            ? value
            : throw new ScheduleArgumentException(name, value, $"{who}: {peerName} must be in [{low}, {high}] but was {value}");

    public static EquatableArray<double> NotEmpty(EquatableArray<double> values, string name, string who, string peerName) =>
        values.Count > 0 && values.All(double.IsFinite)
            ? values
            : throw ScheduleArgumentException.For($"{who}: {peerName} needs at least one finite value", name);
}
