using Backoffice.Service.Cli;

// backoffice: the municipal side of the iWmo 3.2 exchange. Verbs live in Cli/ (run, process,
// validate); all of them build the same host (Hosting/BackofficeHost.cs) and call the same
// processing code (Intake/InboxBatch.cs -> Processing/MessageProcessor.cs).
return await BackofficeCli.RunAsync(args, Console.Out, Console.Error);
