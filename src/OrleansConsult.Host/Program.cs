return await OrleansConsult.Host.OrleansConsultHost.RunAsync(args);
