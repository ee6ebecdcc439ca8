return Assessment.Cli.StandardStreams.Run(args);
