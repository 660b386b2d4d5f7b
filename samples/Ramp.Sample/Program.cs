// A plain TorchSharp training loop with Ramp added: the lines marked "Ramp" are all it takes.
// Run: dotnet run --project samples/Ramp.Sample [-- "schedule text"]   (about 150 steps on the shipped data)
using Ramp.Schedules.Text;
using Ramp.Training.Binding;
using Ramp.Training.Data;
using Ramp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

var text = args.Length > 0 ? args[0] : "warmup(15) >> cosine(135, floor=0.1)";
const int steps = 150, batchSize = 64;

var (train, test) = FashionMnist.LoadDefault();               // full set if installed, else the shipped subset
var model = new Mlp(seed: 0);
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);
var order = new DataOrder(train.Count, batchSize, seed: 0);   // a seeded shuffle per epoch
var (data, _) = ImageData.Normalised(train, test);          // inputs standardised by the training split's mean and std
var position = DataPosition.Start;

// Ramp (1): parse the schedule and bind it to the optimizer's groups. This writes the step-0 learning rate,
// scaled by each group's own rate (0.1 here), so no separate warmup code is needed.
var binder = ScheduleBinder.Bind(optimizer, ScheduleText.Parse(text));

for (int step = 0; step < steps; step++)
{
    using var scope = NewDisposeScope();
    var (x, y) = data.Gather(order.Batch(position), CPU);
    position = order.Next(position);
    optimizer.zero_grad();                                    // 1. clear gradients
    var loss = nn.functional.cross_entropy(model.call(x), y);
    loss.backward();                                          // 2. gradients
    optimizer.step();                                         // 3. update with the rate the binder wrote
    binder.Advance();                                         // Ramp (2): count the applied step, write the next rate
                                                              //   (skip this call for accumulation micro-steps)
    if (step % 30 == 0 || step == steps - 1)
        Console.WriteLine($"step {step,4}  lr {binder.LrOf(0):0.00000}  loss {loss.item<float>():0.0000}");
}

// Ramp (3), for checkpoints: binder.State and position are plain records; pass them back to
// new ScheduleBinder(optimizer, binder.Schedules, state) and order.Batch(position) to resume.
using (no_grad())
{
    var all = Enumerable.Range(0, test.Count).ToArray();
    var correct = model.call(test.Images(all, data.Normalization)).argmax(1).eq(test.Labels(all)).sum().item<long>();
    Console.WriteLine($"test accuracy {correct / (double)test.Count:P1} on {test.Count} images ({test.Source})");
}
