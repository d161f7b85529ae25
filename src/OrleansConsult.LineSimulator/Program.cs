using OrleansConsult.LineSimulator;

await LineSimulatorApp.Build(args).RunAsync();
